import { List, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * The small Markdown subset intelligence notes use (paragraphs, "- " lists, **bold**), rendered
 * as React elements: no HTML from data ever reaches the page.
 */
function inline(text: string): ReactNode[] {
  return text
    .split(/(\*\*[^*]+\*\*)/g)
    .map((part, index) =>
      part.startsWith('**') && part.endsWith('**') && part.length > 4 ? (
        <strong key={index}>{part.slice(2, -2)}</strong>
      ) : (
        part
      ),
    );
}

export function Markdown({ source }: { source: string }) {
  const blocks = source.split(/\n{2,}/);
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
          <Text key={index} mb="sm">
            {inline(block)}
          </Text>
        );
      })}
    </>
  );
}
