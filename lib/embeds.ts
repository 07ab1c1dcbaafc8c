/** YouTube and X posts are embedded as privacy-friendly links. */
export function embedKind(url: string): 'youtube' | 'x' | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:') return null;
    if (/^(www\.|m\.)?youtube\.com$/.test(u.hostname) || u.hostname === 'youtu.be') return 'youtube';
    if (/^(www\.)?(x|twitter)\.com$/.test(u.hostname) && /\/status\/\d+/.test(u.pathname)) return 'x';
  } catch {
    // not a URL
  }
  return null;
}
