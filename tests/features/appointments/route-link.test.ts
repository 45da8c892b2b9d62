import { describe, expect, it } from 'vitest';
import { mapsPlatformOf, routeUrl } from '../../../src/features/appointments/route-link';

const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const IPAD_DESKTOP_MODE =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
const ANDROID =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';
const LINUX =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

describe('route link to an address', () => {
  it('knows the platform from the user agent', () => {
    expect(mapsPlatformOf(IPHONE)).toBe('ios');
    expect(mapsPlatformOf(IPAD_DESKTOP_MODE, 5)).toBe('ios');
    expect(mapsPlatformOf(IPAD_DESKTOP_MODE, 0)).toBe('web');
    expect(mapsPlatformOf(ANDROID)).toBe('android');
    expect(mapsPlatformOf(LINUX)).toBe('web');
  });

  it('opens Apple Maps directions on iOS, a geo: URI on Android, OpenStreetMap elsewhere', () => {
    const address = ' Lindenweg 3, 34560 Fritzlar ';
    expect(routeUrl(address, 'ios')).toBe(
      'https://maps.apple.com/?daddr=Lindenweg%203%2C%2034560%20Fritzlar',
    );
    expect(routeUrl(address, 'android')).toBe('geo:0,0?q=Lindenweg%203%2C%2034560%20Fritzlar');
    expect(routeUrl(address, 'web')).toBe(
      'https://www.openstreetmap.org/search?query=Lindenweg%203%2C%2034560%20Fritzlar',
    );
  });

  it('encodes umlauts, ß, & and # so the address stays one query value', () => {
    expect(routeUrl('Straße 1 & Hof #2, Lüchow', 'android')).toBe(
      'geo:0,0?q=Stra%C3%9Fe%201%20%26%20Hof%20%232%2C%20L%C3%BCchow',
    );
  });
});
