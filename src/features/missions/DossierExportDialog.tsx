/**
 * "Export dossier": one mission with everything it links to, as one file (docs/dossier-format.md),
 * encrypted with a passphrase unless the user turns that off.
 */
import { Button, Checkbox, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../db';
import { exportDossier } from '../../db/export-dossier';
import { getHost } from '../../platform';
import { encryptDossier } from '../../sync/dossier-crypto';
import { notify, notifyError } from '../common/errors';

export const MIN_PASSPHRASE = 8;

/** The mission's title as a file name: no path separators, reserved or control characters. */
export function dossierFileName(title: string): string {
  const clean = title
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 150)
    .trim();
  return `${clean || 'dossier'}.json`;
}

export function DossierExportDialog({
  mission,
  onClose,
}: {
  mission: { readonly id: string; readonly title: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [encrypt, setEncrypt] = useState(true);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<string | null>(null);
  if (mission && shown !== mission.id) {
    setShown(mission.id);
    setEncrypt(true);
    setPassphrase('');
    setRepeat('');
    setTried(false);
  }
  const tooShort = encrypt && [...passphrase].length < MIN_PASSPHRASE;
  const mismatch = encrypt && !tooShort && passphrase !== repeat;

  const close = () => {
    setPassphrase('');
    setRepeat('');
    onClose();
  };

  const submit = async () => {
    setTried(true);
    if (!mission || tooShort || mismatch) return;
    setBusy(true);
    try {
      const { text } = await exportDossier(db, mission.id);
      const data = encrypt ? await encryptDossier(text, passphrase) : text;
      const saved = await getHost().saveFile({ suggestedName: dossierFileName(mission.title), data, kind: 'dossier' });
      if (saved.status !== 'saved') return;
      notify(t, { color: 'green', message: t('dossierFile.exported', { location: saved.location }) });
      close();
    } catch (error) {
      notifyError(t, error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={mission !== null} onClose={close} title={t('dossierFile.exportTitle')} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        noValidate
        data-testid="dossier-export-form"
      >
        <Stack>
          <Text size="sm" fw={600}>
            {mission?.title}
          </Text>
          <Text size="sm">{t('dossierFile.exportIntro')}</Text>
          <Checkbox
            label={t('dossierFile.encrypt')}
            description={t('dossierFile.encryptHint')}
            checked={encrypt}
            onChange={(event) => setEncrypt(event.currentTarget.checked)}
            data-testid="dossier-encrypt"
          />
          {encrypt && (
            <>
              <PasswordInput
                label={t('dossierFile.passphrase')}
                withAsterisk
                autoComplete="new-password"
                value={passphrase}
                onChange={(event) => setPassphrase(event.currentTarget.value)}
                error={tried && tooShort ? t('dossierFile.passphraseTooShort') : undefined}
                description={tried ? undefined : t('dossierFile.passphraseTooShort')}
                data-testid="dossier-passphrase"
              />
              <PasswordInput
                label={t('dossierFile.passphraseRepeat')}
                withAsterisk
                autoComplete="new-password"
                value={repeat}
                onChange={(event) => setRepeat(event.currentTarget.value)}
                error={tried && mismatch ? t('dossierFile.passphraseMismatch') : undefined}
                data-testid="dossier-passphrase-repeat"
              />
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" disabled={busy} data-testid="dossier-export-save">
              {busy && encrypt ? t('dossierFile.encrypting') : t('dossierFile.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
