import { describe, expect, it, vi } from 'vitest';
import { createLinkOpener } from '../../../electron/main/external-links';
import { safeExternalUrl } from '../../../electron/main/security';

describe('links from user data', () => {
  it('shows an unfamiliar host once and opens only what the user confirmed', async () => {
    const openExternal = vi.fn(async () => undefined);
    const answers = [false, true];
    const confirmHost = vi.fn(async () => answers.shift() ?? false);
    const open = createLinkOpener({ openExternal, confirmHost });
    await open('https://www.itri.org.tw/english/');
    expect(openExternal).not.toHaveBeenCalled();
    await open('https://www.itri.org.tw/english/');
    await open('https://WWW.itri.org.tw/other');
    expect(confirmHost).toHaveBeenCalledTimes(2);
    expect(confirmHost).toHaveBeenCalledWith('www.itri.org.tw', 'https://www.itri.org.tw/english/');
    expect(openExternal).toHaveBeenCalledTimes(2);
  });

  it('does not ask for an e-mail link', async () => {
    const openExternal = vi.fn(async () => undefined);
    const confirmHost = vi.fn(async () => false);
    await createLinkOpener({ openExternal, confirmHost })('mailto:sanne@provincie-utrecht.nl');
    expect(confirmHost).not.toHaveBeenCalled();
    expect(openExternal).toHaveBeenCalledWith('mailto:sanne@provincie-utrecht.nl');
  });

  it('lets a mailto carry only the address, a subject and a body', () => {
    expect(
      safeExternalUrl(
        'mailto:sanne@provincie-utrecht.nl?subject=Missie%20Taiwan&cc=x@evil.example&attach=C:/secret.txt&body=Hoi',
      ),
    ).toBe('mailto:sanne@provincie-utrecht.nl?subject=Missie%20Taiwan&body=Hoi');
    expect(safeExternalUrl('mailto:a@b.nl,c@d.nl')).toBeNull();
    expect(safeExternalUrl('mailto:?to=a@b.nl')).toBeNull();
  });
});
