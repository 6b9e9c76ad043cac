import { Text } from '@mantine/core';

/** An organisation's name in its own script, tagged with its language so the right font is used. */
export function LocalName({ name, lang }: { name: string; lang: string }) {
  if (!name) return null;
  return (
    <Text span className="local-name" lang={lang || undefined} c="gray.8">
      {' '}
      {name}
    </Text>
  );
}
