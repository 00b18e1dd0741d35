/** The message to show for a failed call: Clerk's longMessage when it has one. */
export function errorMessage(error: unknown, fallback: string): string {
  if (error && typeof error === 'object') {
    const first = (error as { errors?: { longMessage?: string; message?: string }[] }).errors?.[0];
    const text = first?.longMessage ?? first?.message ?? (error as { message?: unknown }).message;
    if (typeof text === 'string' && text.trim()) return text;
  }
  return fallback;
}
