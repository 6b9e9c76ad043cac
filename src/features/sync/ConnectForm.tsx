/**
 * Connecting (or unlocking) a vault: WebDAV or a folder, the team passphrase, and creating a vault
 * on request. In the browser, WebDAV runs from the page and a folder is a File System Access handle;
 * in the desktop app, main holds the vault (it shows the folder picker itself and keeps the WebDAV
 * login) and the page gets an opaque vault id, which it may ask main to remember via the keychain.
 */
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconFolder, IconLock } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getHost } from '../../platform';
import { canPickFolder, pickVaultFolder, type DirectoryHandleLike } from '../../platform/fs-access-transport';
import { useSyncStore, VaultConnection } from '../../stores/sync';
import { errorMessage } from '../common/errors';
import { connectVault, syncNow } from './sync-session';

type Kind = 'webdav' | 'folder';
type MainConnection = Extract<VaultConnection, { kind: 'main' }>;

export function ConnectForm({ remembered }: { remembered: VaultConnection | null }) {
  const { t } = useTranslation();
  const desktop = getHost().vault;
  const folderPossible = desktop !== null || canPickFolder();
  const [kind, setKind] = useState<Kind>(remembered?.kind === 'main' ? remembered.via : (remembered?.kind ?? 'webdav'));
  /** Desktop: the vault main holds for this form (picked folder, or the WebDAV login handed over). */
  const [mainTarget, setMainTarget] = useState<MainConnection | null>(remembered?.kind === 'main' ? remembered : null);
  const [remember, setRemember] = useState(true);
  const [url, setUrl] = useState(remembered?.kind === 'webdav' ? remembered.url : '');
  const [username, setUsername] = useState(remembered?.kind === 'webdav' ? remembered.username : '');
  const [password, setPassword] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [folder, setFolder] = useState<DirectoryHandleLike | null>(
    remembered?.kind === 'folder' ? (remembered.handle as DirectoryHandleLike) : null,
  );
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const [askCreate, setAskCreate] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const phase = useSyncStore((s) => s.phase);
  const busy = phase === 'connecting';

  const mainFor = (wanted: Kind): MainConnection | null => (mainTarget?.via === wanted ? mainTarget : null);
  const folderName = desktop ? mainFor('folder')?.name : folder?.name;
  /** Editing the WebDAV details drops the login main holds for them: the next submit hands over the new one. */
  const editWebdav = (apply: () => void) => {
    apply();
    if (mainTarget?.via === 'webdav') setMainTarget(null);
  };

  const connection = (): VaultConnection | null => {
    if (desktop) return mainFor(kind);
    if (kind === 'folder') return folder ? { kind: 'folder', name: folder.name, handle: folder } : null;
    const parsed = VaultConnection.safeParse({ kind: 'webdav', url: url.trim(), username: username.trim() });
    return parsed.success ? parsed.data : null;
  };

  const validate = (): boolean => {
    const issues: Record<string, string> = {};
    if (kind === 'webdav' && mainFor('webdav') === null) {
      if (!VaultConnection.safeParse({ kind: 'webdav', url: url.trim(), username: 'x' }).success)
        issues.url = t('syncScreen.urlInvalid');
      if (username.trim() === '') issues.username = t('syncScreen.required');
      if (password === '') issues.password = t('syncScreen.required');
    } else if (kind === 'folder' && folderName === undefined) {
      issues.folder = t('syncScreen.noFolder');
    }
    if (passphrase.length < 8) issues.passphrase = t('syncScreen.passphraseHint');
    setInvalid(issues);
    return Object.keys(issues).length === 0;
  };

  /** Desktop WebDAV: hands the login to main once; main answers with the vault's id. */
  const connectWebdavInMain = async (): Promise<MainConnection | null> => {
    if (!desktop) return null;
    const result = await desktop.connect({ kind: 'webdav', url: url.trim(), username: username.trim(), password });
    if (result.status !== 'connected') return null;
    const target: MainConnection = { kind: 'main', vaultId: result.vaultId, name: result.name, via: 'webdav' };
    setMainTarget(target);
    return target;
  };

  const run = async (create: boolean) => {
    setFailure(null);
    try {
      const target = connection() ?? (desktop && kind === 'webdav' ? await connectWebdavInMain() : null);
      if (!target) return;
      const outcome = await connectVault({
        connection: target,
        password,
        passphrase,
        create,
        remember: desktop ? remember : undefined,
      });
      if (outcome === 'noVault') {
        setAskCreate(true);
        return;
      }
      setAskCreate(false);
      setPassphrase('');
      setPassword('');
      await syncNow();
    } catch (error) {
      setAskCreate(false);
      setFailure(error);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (validate()) void run(false);
  };

  const chooseFolder = async () => {
    try {
      if (desktop) {
        // Main shows its own folder picker; the page learns the folder's name, never its path.
        const result = await desktop.connect({ kind: 'folder' });
        if (result.status === 'connected')
          setMainTarget({ kind: 'main', vaultId: result.vaultId, name: result.name, via: 'folder' });
        return;
      }
      const handle = await pickVaultFolder();
      if (handle) setFolder(handle);
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <Paper withBorder p="md" data-testid="sync-connect">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h3">
            {remembered ? t('syncScreen.unlockTitle') : t('syncScreen.connectTitle')}
          </Title>
          {remembered && (
            <Text>
              {t('syncScreen.unlockIntro', { where: remembered.kind === 'webdav' ? remembered.url : remembered.name })}
            </Text>
          )}
          <Stack gap={4}>
            <Text size="sm" fw={500} id="vault-kind-label">
              {t('syncScreen.kindLabel')}
            </Text>
            <SegmentedControl
              aria-labelledby="vault-kind-label"
              value={kind}
              onChange={(value) => setKind(value === 'folder' ? 'folder' : 'webdav')}
              data={[
                { value: 'webdav', label: t('syncScreen.kindWebdav') },
                { value: 'folder', label: t('syncScreen.kindFolder'), disabled: !folderPossible },
              ]}
            />
            {!folderPossible && (
              <Text size="sm" c="gray.8">
                {t('syncScreen.folderUnavailable')}
              </Text>
            )}
          </Stack>
          {kind === 'webdav' ? (
            <>
              <TextInput
                label={t('syncScreen.url')}
                description={t('syncScreen.urlHint')}
                value={url}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  editWebdav(() => setUrl(value));
                }}
                error={invalid.url}
                required
                type="url"
                autoComplete="url"
                data-testid="vault-url"
              />
              <TextInput
                label={t('syncScreen.username')}
                value={username}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  editWebdav(() => setUsername(value));
                }}
                error={invalid.username}
                required
                autoComplete="username"
                data-testid="vault-username"
              />
              <PasswordInput
                label={t('syncScreen.password')}
                description={t('syncScreen.passwordHint')}
                value={password}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  editWebdav(() => setPassword(value));
                }}
                error={invalid.password}
                required
                autoComplete="current-password"
                data-testid="vault-password"
              />
            </>
          ) : (
            <Group>
              <Button
                variant="default"
                leftSection={<IconFolder aria-hidden size={16} />}
                onClick={() => void chooseFolder()}
              >
                {t('syncScreen.chooseFolder')}
              </Button>
              <Text c={invalid.folder ? 'red.8' : undefined}>
                {folderName !== undefined
                  ? t('syncScreen.folderChosen', { name: folderName })
                  : t('syncScreen.noFolder')}
              </Text>
            </Group>
          )}
          <PasswordInput
            label={t('syncScreen.passphrase')}
            description={t('syncScreen.passphraseHint')}
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
            error={invalid.passphrase}
            required
            autoComplete="off"
            data-testid="vault-passphrase"
          />
          {desktop ? (
            <Checkbox
              label={t('syncScreen.rememberOnDevice')}
              description={t('syncScreen.rememberOnDeviceHint')}
              checked={remember}
              onChange={(e) => setRemember(e.currentTarget.checked)}
              data-testid="vault-remember"
            />
          ) : (
            <Text size="sm" c="gray.8" data-testid="secrets-not-stored">
              {t('syncScreen.secretsNotStored')}
            </Text>
          )}
          {failure !== null && (
            <Alert color="red" title={t('syncScreen.errorTitle')} role="alert" data-testid="connect-error">
              {errorMessage(t, failure)}
            </Alert>
          )}
          <Group>
            <Button
              type="submit"
              loading={busy}
              leftSection={<IconLock aria-hidden size={16} />}
              data-testid="vault-connect"
            >
              {remembered ? t('syncScreen.unlock') : t('syncScreen.connect')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Modal
        opened={askCreate}
        onClose={() => setAskCreate(false)}
        title={t('syncScreen.noVaultTitle')}
        closeButtonProps={{ 'aria-label': t('app.close') }}
      >
        <Stack>
          <Text>{t('syncScreen.noVaultBody')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAskCreate(false)}>
              {t('form.cancel')}
            </Button>
            <Button loading={busy} onClick={() => void run(true)} data-testid="vault-create">
              {t('syncScreen.createVault')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
