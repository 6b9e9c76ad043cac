/**
 * "Import dossier": pick a file, open it with its passphrase if it is encrypted, see per kind what
 * would change, then import in one transaction. Every refusal is shown here in the user's language
 * and leaves the database as it was (docs/dossier-format.md, "Refusals").
 */
import { Alert, Button, Checkbox, Group, Modal, PasswordInput, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../db';
import {
  DossierInvalidError,
  importDossier,
  previewDossierImport,
  readDossierInput,
  type ImportPreview,
  type KindPreview,
  type ReadDossier,
} from '../../db/import-dossier';
import { getHost } from '../../platform';
import { useNavigation } from '../../stores/navigation';
import { decryptDossier, readDossierBytes, type EncryptedDossier } from '../../sync/dossier-crypto';
import { mergeRecord } from '../../sync/merge';
import { errorMessage, notify } from '../common/errors';

type Step =
  | { readonly step: 'pick' }
  | { readonly step: 'locked'; readonly name: string; readonly envelope: EncryptedDossier }
  | { readonly step: 'preview'; readonly name: string; readonly read: ReadDossier; readonly preview: ImportPreview };

const COUNTS = ['added', 'changed', 'unchanged', 'conflicts', 'deletedHere', 'skipped'] as const;

const total = (kind: KindPreview) => COUNTS.reduce((sum, count) => sum + kind[count], 0);

function Refusal({ error }: { error: unknown }) {
  const { t } = useTranslation();
  let detail = '';
  if (error instanceof DossierInvalidError) {
    detail =
      error.kind === 'mission'
        ? t('dossierFile.invalidMission', { label: error.label, field: error.field })
        : t('dossierFile.invalidRecord', {
            kind: t(`dossierFile.kinds.${error.kind}`, { defaultValue: error.kind }),
            position: String(error.position),
            label: error.label,
            field: error.field,
          });
  }
  return (
    <Alert color="red" role="alert" title={t('dossierFile.refused')} data-testid="dossier-refused">
      <Text size="sm">{errorMessage(t, error)}</Text>
      {detail && <Text size="sm">{detail}</Text>}
    </Alert>
  );
}

function PreviewTable({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const kinds = preview.kinds.filter((kind) => total(kind) > 0);
  const changed = kinds.flatMap((kind) => kind.changedRecords.map((record) => ({ kind: kind.kind, ...record })));
  return (
    <Stack gap="xs">
      <Table withTableBorder striped captionSide="top" data-testid="dossier-preview">
        <Table.Caption c="gray.8">{t('dossierFile.previewTable')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('dossierFile.kind')}</Table.Th>
            {COUNTS.map((count) => (
              <Table.Th scope="col" key={count} ta="right">
                {t(`dossierFile.${count}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {kinds.map((kind) => (
            <Table.Tr key={kind.kind} data-kind={kind.kind}>
              <Table.Th scope="row" fw={500}>
                {t(`dossierFile.kinds.${kind.kind}`)}
              </Table.Th>
              {COUNTS.map((count) => (
                <Table.Td key={count} ta="right" data-count={count}>
                  {kind[count]}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {changed.length > 0 && (
        <details>
          <summary>{t('dossierFile.showChanged')}</summary>
          <ul data-testid="dossier-changed-records">
            {changed.map((record) => (
              <li key={`${record.kind}:${record.id}`}>
                {t(`dossierFile.kinds.${record.kind}`)}: {record.label} —{' '}
                {t('dossierFile.changedFields', { fields: record.fields.join(', ') })}
              </li>
            ))}
          </ul>
        </details>
      )}
      {kinds.some((kind) => kind.conflicts > 0) && <Text size="sm">{t('dossierFile.conflictsHint')}</Text>}
      {kinds.some((kind) => kind.skipped > 0) && <Text size="sm">{t('dossierFile.skippedHint')}</Text>}
    </Stack>
  );
}

export function DossierImportDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const openMission = useNavigation((state) => state.openMission);
  const [step, setStep] = useState<Step>({ step: 'pick' });
  const [failure, setFailure] = useState<unknown>(null);
  const [passphrase, setPassphrase] = useState('');
  const [restore, setRestore] = useState(false);
  const [busy, setBusy] = useState(false);

  const reset = () => {
    setStep({ step: 'pick' });
    setFailure(null);
    setPassphrase('');
    setRestore(false);
  };
  const close = () => {
    reset();
    onClose();
  };

  const showPreview = async (name: string, value: unknown) => {
    const read = readDossierInput(value);
    const preview = await previewDossierImport(db, read, mergeRecord);
    setRestore(false);
    setStep({ step: 'preview', name, read, preview });
  };

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    try {
      await work();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const pick = () =>
    run(async () => {
      const file = await getHost().openFile([{ name: 'Mission Dossier', extensions: ['json'] }]);
      if (file.status !== 'opened') return;
      setStep({ step: 'pick' });
      setPassphrase('');
      const content = readDossierBytes(file.data);
      if (content.kind === 'encrypted') setStep({ step: 'locked', name: file.name, envelope: content.envelope });
      else await showPreview(file.name, content.value);
    });

  const unlock = () =>
    run(async () => {
      if (step.step !== 'locked') return;
      const value = await decryptDossier(step.envelope, passphrase);
      setPassphrase('');
      await showPreview(step.name, value);
    });

  const confirm = () =>
    run(async () => {
      if (step.step !== 'preview') return;
      const result = await importDossier(db, step.read, { merge: mergeRecord, restoreDeleted: restore });
      const title = step.preview.missionTitle;
      notify(t, {
        color: 'green',
        message:
          result.written === 0
            ? t('dossierFile.importedNothing', { title })
            : t('dossierFile.imported', { title, count: result.written }),
      });
      close();
      const mission = await db.missions.get(result.missionId);
      if (mission && mission.deleted === 0) openMission(result.missionId, 'overview');
    });

  const fileLine = step.step !== 'pick' && <Text size="sm">{t('dossierFile.fileName', { name: step.name })}</Text>;

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('dossierFile.importTitle')}
      size={step.step === 'preview' ? 'xl' : 'lg'}
      closeButtonProps={{ 'aria-label': t('app.close') }}
    >
      <Stack gap="md" data-testid="dossier-import-dialog">
        {step.step === 'pick' && <Text size="sm">{t('dossierFile.importIntro')}</Text>}
        {fileLine}
        {failure !== null && <Refusal error={failure} />}
        {step.step === 'locked' && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void unlock();
            }}
            noValidate
          >
            <Stack>
              <Text size="sm">{t('dossierFile.encryptedFile')}</Text>
              <PasswordInput
                label={t('dossierFile.passphrase')}
                autoComplete="off"
                value={passphrase}
                onChange={(event) => setPassphrase(event.currentTarget.value)}
                data-testid="dossier-import-passphrase"
                data-autofocus
              />
              <Group justify="flex-end">
                <Button type="submit" disabled={busy || passphrase === ''} data-testid="dossier-unlock">
                  {t('dossierFile.unlock')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {step.step === 'preview' && (
          <>
            <Text size="sm" fw={600}>
              {t('dossierFile.previewIntro', { title: step.preview.missionTitle })}
            </Text>
            <Text size="sm">
              {step.preview.merges ? t('dossierFile.previewMerges') : t('dossierFile.previewNewDossier')}
            </Text>
            {step.preview.nothingToDo && step.preview.deletedHere === 0 ? (
              <Text size="sm" data-testid="dossier-nothing-to-do">
                {t('dossierFile.nothingToDo')}
              </Text>
            ) : null}
            <PreviewTable preview={step.preview} />
            {step.preview.deletedHere > 0 && (
              <Checkbox
                label={t('dossierFile.restoreDeleted', { count: step.preview.deletedHere })}
                description={t('dossierFile.restoreHint')}
                checked={restore}
                onChange={(event) => setRestore(event.currentTarget.checked)}
                data-testid="dossier-restore"
              />
            )}
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('form.cancel')}
          </Button>
          <Button
            variant={step.step === 'preview' ? 'default' : 'filled'}
            onClick={() => void pick()}
            disabled={busy}
            data-testid="dossier-choose-file"
          >
            {step.step === 'pick' ? t('dossierFile.chooseFile') : t('dossierFile.otherFile')}
          </Button>
          {step.step === 'preview' && (
            <Button onClick={() => void confirm()} disabled={busy} data-testid="dossier-import-confirm">
              {t('dossierFile.confirm')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
