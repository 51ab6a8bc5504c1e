// A strict Content-Security-Policy on everything the app protocol serves: only our own scripts run,
// nothing is fetched from elsewhere, no plugins, frames, forms or <base> tricks.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // Vuetify writes its theme into a <style> element at run time.
  "style-src 'self' 'unsafe-inline'",
  // The QR code is drawn as a data: image.
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function withContentSecurityPolicy(headers: Record<string, string>): Record<string, string> {
  return { ...headers, 'Content-Security-Policy': CONTENT_SECURITY_POLICY };
}
