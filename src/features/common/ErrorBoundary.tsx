import { Alert, Button, Stack, Text } from '@mantine/core';
import { Component, type ReactNode } from 'react';
import { Translation } from 'react-i18next';
import { errorMessage } from './errors';

interface State {
  readonly error: Error | null;
}

/** Catches a screen that fails to render and says so in the user's language; data is untouched. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error) {
    console.warn('screen failed to render', error);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Translation>
        {(t) => (
          <Alert role="alert" color="red" title={t('errors.title')} m="xl">
            <Stack gap="sm">
              <Text>{errorMessage(t, this.state.error)}</Text>
              <Text>{t('errors.crashBody')}</Text>
              <Text size="sm">{t('errors.details', { details: this.state.error?.message ?? '' })}</Text>
              <Button w="fit-content" onClick={() => window.location.reload()}>
                {t('errors.reload')}
              </Button>
            </Stack>
          </Alert>
        )}
      </Translation>
    );
  }
}
