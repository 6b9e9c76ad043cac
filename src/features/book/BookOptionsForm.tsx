/** The reader's choices for one book: language, audience (and member), sections, paper. */
import { Checkbox, Group, Radio, Select, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  BOOK_AUDIENCES,
  BOOK_LANGUAGES,
  BOOK_PAPERS,
  BOOK_SECTIONS,
  type BookAudience,
  type BookOptions,
  type BookSection,
} from '../../book/book-input';

export interface MemberChoice {
  readonly value: string;
  readonly label: string;
}

const AUDIENCE_KEY = {
  administrator: 'book.audienceAdministrator',
  team: 'book.audienceTeam',
  personal: 'book.audiencePersonal',
} as const satisfies Record<BookAudience, string>;

/** Mantine's dimmed description grey is below AA contrast on white; gray.8 is well above it. */
const HINT_STYLES = { description: { color: 'var(--mantine-color-gray-8)', fontSize: 'var(--mantine-font-size-sm)' } };

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

export function BookOptionsForm({
  options,
  members,
  disabled,
  onChange,
}: {
  options: BookOptions;
  members: readonly MemberChoice[];
  disabled: boolean;
  onChange: (options: BookOptions) => void;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<BookOptions>) => onChange({ ...options, ...patch });
  const memberMissing = options.audience === 'personal' && options.memberPersonId === '';
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="md">
          <Radio.Group
            label={t('book.language')}
            value={options.language}
            onChange={(value) => isOneOf(BOOK_LANGUAGES, value) && set({ language: value })}
          >
            <Group mt={6}>
              <Radio value="nl" label={t('book.languageNl')} disabled={disabled} />
              <Radio value="en" label={t('book.languageEn')} disabled={disabled} />
            </Group>
          </Radio.Group>
          <Radio.Group
            label={t('book.paper')}
            value={options.paper}
            onChange={(value) => isOneOf(BOOK_PAPERS, value) && set({ paper: value })}
          >
            <Group mt={6}>
              <Radio value="A4" label={t('book.paperA4')} disabled={disabled} />
              <Radio value="A5" label={t('book.paperA5')} disabled={disabled} />
            </Group>
          </Radio.Group>
          <Radio.Group
            label={t('book.audience')}
            value={options.audience}
            onChange={(value) =>
              isOneOf(BOOK_AUDIENCES, value) &&
              set({ audience: value, memberPersonId: value === 'personal' ? options.memberPersonId : '' })
            }
          >
            <Stack gap={6} mt={6}>
              {BOOK_AUDIENCES.map((audience) => (
                <Radio key={audience} value={audience} label={t(AUDIENCE_KEY[audience])} disabled={disabled} />
              ))}
            </Stack>
          </Radio.Group>
          {options.audience === 'personal' && (
            <Select
              label={t('book.member')}
              data={members.map((m) => ({ value: m.value, label: m.label }))}
              value={options.memberPersonId || null}
              onChange={(value) => set({ memberPersonId: value ?? '' })}
              // A hint rather than an error: nothing is wrong yet, the member is simply still to choose.
              description={memberMissing ? t('book.memberRequired') : undefined}
              styles={HINT_STYLES}
              disabled={disabled}
              required
              maw={360}
            />
          )}
        </Stack>
        <Checkbox.Group
          label={t('book.sections')}
          value={[...options.sections]}
          onChange={(values) =>
            set({ sections: BOOK_SECTIONS.filter((section: BookSection) => values.includes(section)) })
          }
          description={options.sections.length === 0 ? t('book.noSections') : undefined}
          styles={HINT_STYLES}
        >
          <Stack gap={6} mt={6}>
            {BOOK_SECTIONS.map((section) => (
              <Checkbox key={section} value={section} label={t(`book.section.${section}`)} disabled={disabled} />
            ))}
          </Stack>
        </Checkbox.Group>
      </SimpleGrid>
    </Stack>
  );
}
