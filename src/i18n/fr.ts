import type { Localization } from './en';
import { numbers, plurals } from './plural';

/**
 * French (France). Typographic apostrophes; a no-break space (U+00A0) before « : » and « ? » and
 * inside « », as French typography wants.
 */
const locale = 'fr-FR';
const p = /* @__PURE__ */ plurals(locale);
const n = /* @__PURE__ */ numbers(locale);

export const fr: Localization = {
  locale,
  dateTimeFormat: { dateStyle: 'medium', timeStyle: 'short' },
  loading: 'Chargement…',
  loadingSlow: 'Cela prend plus de temps que d’habitude…',
  retry: 'Réessayer',
  cancel: 'Annuler',
  errorUnknown: 'Une erreur s’est produite. Veuillez réessayer.',
  errorNetwork: 'Impossible de joindre le serveur. Vérifiez votre connexion, puis réessayez.',
  errorRateLimited: 'Trop de tentatives. Patientez un instant, puis réessayez.',
  errorUnauthenticated: 'Votre session a expiré. Reconnectez-vous pour continuer.',
  errorForbidden: 'Vous n’avez pas l’autorisation d’effectuer cette action.',
  errorReverification: 'Confirmez d’abord votre identité. Rien n’a été modifié.',
  errorNotFound: 'Cet élément n’existe plus. Il a peut-être déjà été supprimé.',
  current: 'Actuel',
  taskChooseOrganization: 'Choisir une organisation',
  thisDevice: 'Cet appareil',
  unknownBrowser: 'Navigateur inconnu',
  unknownDevice: 'Appareil inconnu',
  mobile: 'Téléphone',
  desktop: 'Ordinateur',
  lastActive: ({ relative }) => `Dernière activité\u00a0: ${relative}`,

  sessionManagerTitle: 'Cette session',
  signedOutMessage: 'Vous êtes déconnecté.',
  sessionId: 'Identifiant de session',
  copySessionId: 'Copier l’identifiant de session',
  copiedSessionId: 'Identifiant de session copié.',
  copyFailed: 'Impossible de copier l’identifiant de session.',
  createdAt: 'Connexion',
  lastActiveAt: 'Dernière activité',
  expireAt: 'Expiration',
  signOut: 'Se déconnecter',
  signingOut: 'Déconnexion…',
  signOutFailed: ({ message }) => `Impossible de se déconnecter\u00a0: ${message}`,
  signedOut: 'Vous avez été déconnecté.',
  signOutEverywhere: 'Se déconnecter de tous les appareils',
  signOutEverywhereTitle: 'Se déconnecter de tous les appareils\u00a0?',
  signOutEverywhereDescription: ({ count }) =>
    count === null
      ? 'Tous les autres appareils connectés à votre compte sont d’abord déconnectés, puis celui-ci.'
      : count === 0
        ? 'Aucun autre appareil n’est connecté\u00a0: seul celui-ci sera déconnecté.'
        : `${p(count, { one: '# autre appareil sera déconnecté', other: '# autres appareils seront déconnectés' })} d’abord, puis celui-ci.`,
  signOutEverywhereConfirm: 'Se déconnecter partout',
  signOutEverywhereFailed: ({ message }) => `Impossible de se déconnecter de tous les appareils\u00a0: ${message}`,

  sessionListTitle: 'Sessions',
  accountsTitle: 'Comptes sur ce navigateur',
  devicesTitle: 'Vos appareils',
  switchAccount: 'Basculer',
  switchAccountLabel: ({ name }) => `Basculer vers ${name}`,
  switchedAccount: ({ name }) => `Compte actif\u00a0: ${name}.`,
  switchFailed: ({ name, message }) => `Impossible de basculer vers ${name}\u00a0: ${message}`,
  signOutAccountLabel: ({ name }) => `Se déconnecter du compte ${name}`,
  signedOutAccount: ({ name }) => `Le compte ${name} a été déconnecté.`,
  revoke: 'Révoquer',
  rowMenuLabel: ({ name }) => `Actions pour ${name}`,
  revokeLabel: ({ device }) => `Révoquer la session sur ${device}`,
  revokeTitle: 'Révoquer cette session\u00a0?',
  revokeDescription: ({ device }) => `La session ouverte sur ${device} sera fermée.`,
  revokeConfirm: 'Révoquer la session',
  revoking: 'Révocation…',
  revoked: ({ device }) => `Session sur ${device} révoquée.`,
  revokeFailed: ({ device, message }) => `Impossible de révoquer la session sur ${device}\u00a0: ${message}`,
  revokeAllOthers: ({ count }) => p(count, { one: 'Révoquer l’autre appareil', other: 'Révoquer les # autres appareils' }),
  revokeAllTitle: ({ count }) => p(count, { one: 'Révoquer # autre appareil\u00a0?', other: 'Révoquer # autres appareils\u00a0?' }),
  revokeAllDescription: ({ count }) =>
    `${p(count, { one: '# autre appareil sera déconnecté.', other: '# autres appareils seront déconnectés.' })} Cet appareil reste connecté.`,
  revokeAllConfirm: ({ count }) => p(count, { one: 'Révoquer # appareil', other: 'Révoquer # appareils' }),
  revokedAll: ({ count }) => p(count, { one: '# session révoquée.', other: '# sessions révoquées.' }),
  noOtherDevices: 'Aucun autre appareil n’est connecté à votre compte.',
  devicesFailed: 'Impossible de charger vos appareils.',
  devicesLoading: 'Chargement de vos appareils…',
  tablet: 'Tablette',
  addAccount: 'Ajouter un compte',
  switching: 'Basculement…',
  details: 'Détails',
  impersonated: 'Session avec emprunt d’identité',
  impersonator: 'Ouverte par',
  unknownUser: 'Utilisateur inconnu',
  sessionDetails: 'Détails de la session',
  copied: 'Copié',
  pendingTask: ({ task }) => (task ? `En attente : ${task}` : 'En attente'),
  taskResetPassword: 'Réinitialiser votre mot de passe',
  taskSetupMfa: 'Configurer la vérification en deux étapes',
  clerkFailed: 'Le service de connexion n’a pas pu être chargé. Vérifiez votre réseau ou votre bloqueur de contenu, puis réessayez.',

  // OrgSwitcher
  orgSwitcherLabel: 'Changer d’organisation',
  orgPersonal: 'Compte personnel',
  orgNoneSelected: 'Aucune organisation sélectionnée',
  orgNoneActive: 'Aucune organisation n’est active. Choisissez-en une ci-dessous.',
  orgSearchLabel: 'Rechercher des organisations',
  orgSearchPlaceholder: 'Rechercher une organisation',
  orgListLabel: 'Organisations',
  orgResults: ({ count }) => (count === 0 ? 'Aucune organisation trouvée' : p(count, { one: '# organisation', other: '# organisations' })),
  orgNoMemberships: 'Vous n’êtes encore membre d’aucune organisation.',
  orgNoMatches: ({ query }) => `Aucune organisation ne correspond à «\u00a0${query}\u00a0».`,
  orgLoadingMore: 'Chargement d’autres organisations…',
  orgSearchingAll: ({ loaded, total }) =>
    `Recherche parmi les ${n(total)} organisations (${p(loaded, { one: '# chargée', other: '# chargées' })})…`,
  orgPageFailed: 'Certaines organisations n’ont pas pu être chargées.',
  orgSwitching: ({ name }) => `Passage à ${name}…`,
  orgSwitched: ({ name }) => `Organisation active\u00a0: ${name}.`,
  orgSwitchFailed: ({ name }) => `Impossible de passer à ${name}.`,
  orgCreate: 'Créer une organisation',
  orgManage: 'Gérer l’organisation',
  orgUnavailable: 'Organisations indisponibles',
  orgUnavailableHint: 'Clerk n’a pas pu être chargé. Rechargez la page pour réessayer.',
  orgSignedOut: 'Non connecté',
};
