// The "Route" link of a visit: the address handed to the phone's own maps app.
// Following it is the worker's explicit choice to send the address to a map
// service; nothing is sent before the tap.

export type MapsPlatform = 'ios' | 'android' | 'web';

/** Which maps app the device has, from its user agent (iPadOS 13+ says "Macintosh" but has touch). */
export function mapsPlatformOf(userAgent: string, maxTouchPoints = 0): MapsPlatform {
  if (/iPhone|iPad|iPod/.test(userAgent)) return 'ios';
  if (/Macintosh/.test(userAgent) && maxTouchPoints > 1) return 'ios';
  if (/Android/.test(userAgent)) return 'android';
  return 'web';
}

/**
 * A link that opens directions to `address`: Apple Maps on iOS, the maps app
 * chosen on Android (geo: URI), OpenStreetMap in any other browser.
 */
export function routeUrl(address: string, platform: MapsPlatform): string {
  const query = encodeURIComponent(address.trim());
  switch (platform) {
    case 'ios':
      return `https://maps.apple.com/?daddr=${query}`;
    case 'android':
      return `geo:0,0?q=${query}`;
    case 'web':
      return `https://www.openstreetmap.org/search?query=${query}`;
  }
}

/** The link for this device. */
export function routeUrlHere(address: string): string {
  const nav = globalThis.navigator;
  return routeUrl(address, mapsPlatformOf(nav?.userAgent ?? '', nav?.maxTouchPoints ?? 0));
}
