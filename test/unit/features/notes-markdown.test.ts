import { MantineProvider } from '@mantine/core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown, safeLinkTarget } from '../../../src/features/common/Markdown';

const render = (source: string) =>
  renderToStaticMarkup(createElement(MantineProvider, null, createElement(Markdown, { source })));

/** The element tags in the markup, e.g. ['div', 'p', 'strong', 'a']. */
const tags = (html: string) => [...html.matchAll(/<([a-z][a-z0-9]*)/g)].map((match) => match[1]);

describe('the note Markdown renderer (its allowlist)', () => {
  it('renders paragraphs, bold, lists and https links', () => {
    const html = render('Het **Chips Act** geld.\n\n- Arizona\n- Texas\n\nZie [NIST](https://www.nist.gov/chips).');
    expect(html).toContain('<strong>Chips Act</strong>');
    expect(html.match(/<li/g)).toHaveLength(2);
    expect(html).toMatch(/<a [^>]*href="https:\/\/www\.nist\.gov\/chips"[^>]*>NIST<\/a>/);
    // A link opens outside the app (the host's window-open guard), never in the app window itself.
    expect(html).toMatch(/<a [^>]*target="_blank"/);
    expect(html).toMatch(/<a [^>]*rel="noopener noreferrer"/);
  });

  it('shows a <script> as text: no script element', () => {
    const html = render('Voor <script>alert("x")</script> na');
    expect(tags(html)).not.toContain('script');
    expect(html).toContain('&lt;script&gt;');
  });

  it('shows an image with an onerror handler as text: no img element, no event attribute', () => {
    const html = render('<img src=x onerror="alert(1)">\n\n**<b onclick="alert(2)">vet</b>**');
    expect(tags(html)).not.toContain('img');
    expect(tags(html)).not.toContain('b');
    expect(html).not.toMatch(/<[^>]+\son(error|click)=/i);
  });

  it.each([
    'javascript:alert(document.cookie)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'http://insecure.example.com',
    'https://user:secret@example.com/',
  ])('does not make a link of [text](%s)', (target) => {
    const html = render(`Klik [hier](${target}) nu`);
    expect(tags(html)).not.toContain('a');
    expect(html).not.toMatch(/href=/);
    expect(safeLinkTarget(target)).toBeNull();
  });

  it('keeps mailto links and Windows line ends', () => {
    const html = render('Eerste\r\n\r\n[Mail](mailto:bi@example.nl)');
    expect(html.match(/<p/g)).toHaveLength(2);
    expect(html).toContain('href="mailto:bi@example.nl"');
  });
});
