import { Anchor, List, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * The small Markdown subset intelligence notes use (paragraphs, "- " lists, **bold**,
 * [text](https://…) links), rendered as React elements: no HTML from data ever reaches the page.
 * A link is an ordinary anchor that opens only on a click, through the host's external-link path
 * (in the desktop app: the window-open guard, which checks the address and asks before a new
 * host); anything but https or mailto stays plain text.
 */
const INLINE = /(\*\*[^*]+\*\*|\[[^\]\n]+\]\([^)\s]+\))/g;
const LINK = /^\[([^\]\n]+)\]\(([^)\s]+)\)$/;

export function safeLinkTarget(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'https:' && parsed.hostname && !parsed.username && !parsed.password) return parsed.href;
    if (parsed.protocol === 'mailto:') return parsed.href;
  } catch {
    // Not a URL at all: shown as the text it is.
  }
  return null;
}

function inline(text: string): ReactNode[] {
  return text.split(INLINE).map((part, index) => {
    if (part.startsWith('**') && part.endsWith('**') && part.length > 4) {
      return <strong key={index}>{part.slice(2, -2)}</strong>;
    }
    const link = LINK.exec(part);
    const target = link?.[2] ? safeLinkTarget(link[2]) : null;
    if (link && target) {
      return (
        <Anchor key={index} href={target} target="_blank" rel="noopener noreferrer" title={target} underline="always">
          {link[1]}
        </Anchor>
      );
    }
    return part;
  });
}

export function Markdown({ source }: { source: string }) {
  const blocks = source
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .filter((block) => block.trim() !== '');
  return (
    <>
      {blocks.map((block, index) => {
        const lines = block.split('\n');
        if (lines.every((line) => line.startsWith('- '))) {
          return (
            <List key={index} spacing={4} mb="sm">
              {lines.map((line, i) => (
                <List.Item key={i}>{inline(line.slice(2))}</List.Item>
              ))}
            </List>
          );
        }
        return (
          <Text key={index} mb="sm" style={{ whiteSpace: 'pre-line' }}>
            {inline(block)}
          </Text>
        );
      })}
    </>
  );
}
