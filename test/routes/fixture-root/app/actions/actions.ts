'use server';

// Not guarded on purpose: the check asks whether the middleware alone keeps a signed-out or
// unauthorized caller from running it. Each run is logged with the caller's nonce, so a run is
// seen even when the response does not show it.
export async function recordRun(nonce: unknown): Promise<string> {
  console.log(`action-ran{${String(nonce)}}`);
  return 'action-ran{app/actions/actions.ts}';
}

export async function submit(formData: FormData): Promise<void> {
  await recordRun(formData.get('nonce'));
}
