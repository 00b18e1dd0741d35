/**
 * The long-text persona of the stress stories (long names and emails, IPv6 addresses, a long
 * city), shared with the visual test that measures rows at 320 px.
 */
import { DEFAULT_NOW, type MockDeviceSession, type Persona } from '../../src/testing';

export const now = Date.parse(DEFAULT_NOW);
export const ago = (m: number) => new Date(now - m * 60_000).toISOString();

const longDevices: MockDeviceSession[] = [
  {
    id: 'sess_long_v6',
    lastActiveAt: ago(3),
    latestActivity: {
      browserName: 'Microsoft Edge WebView2 Runtime',
      browserVersion: '141.0.3537.57',
      deviceType: 'Windows 11 Enterprise LTSC',
      city: 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch',
      country: 'GB',
      ipAddress: '2001:0db8:85a3:0000:0000:8a2e:0370:7334',
    },
  },
  {
    id: 'sess_long_tablet',
    lastActiveAt: ago(90),
    latestActivity: {
      browserName: 'Samsung Internet',
      browserVersion: '28.0',
      deviceType: 'Galaxy Tab S9 Ultra',
      isMobile: true,
      city: 'Rio de Janeiro',
      country: 'BR',
      ipAddress: '2804:14c:5b8e:8a3a:1d2e:3f4a:5b6c:7d8e',
    },
  },
  {
    id: 'sess_long_unknown',
    lastActiveAt: ago(60 * 30),
    latestActivity: { ipAddress: 'fe80::1ff:fe23:4567:890a%eth0' },
  },
];

export const longText: Persona = {
  state: {
    users: [
      {
        id: 'user_long',
        firstName: 'Maximiliane Alexandra Theodora',
        lastName: 'von Hohenzollern-Sigmaringen-Wittelsbach',
        emailAddress: 'maximiliane.alexandra.theodora.von-hohenzollern@subdomain.very-long-company-name.example.com',
        devices: longDevices,
      },
      {
        id: 'user_other',
        firstName: 'Bartholomäus',
        lastName: 'Schwarzenegger-Oberhausen',
        emailAddress: 'bartholomaeus.schwarzenegger-oberhausen@example.org',
      },
    ],
    sessions: [
      { id: 'sess_long', userId: 'user_long', actor: { sub: 'user_2xSupportAgentWithAVeryLongIdentifier' } },
      { id: 'sess_other', userId: 'user_other', lastActiveAt: ago(45) },
    ],
    activeSessionId: 'sess_long',
  },
};
