/**
 * Typed errors that carry a message key of the i18n catalogs (`errors.*`), so the UI can tell the
 * user what went wrong in their language. Deep code never throws bare strings.
 */
export type ErrorKey =
  | 'errors.invalidInput'
  | 'errors.notFound'
  | 'errors.statusBackNeedsReason'
  | 'errors.statusSkipped'
  | 'errors.approvalNeedsAssessment'
  | 'errors.nothingToUndo'
  | 'errors.notADossier'
  | 'errors.dossierTooNew'
  | 'errors.dossierTooLarge'
  | 'errors.dossierNotText'
  | 'errors.dossierNotJson'
  | 'errors.dossierTruncated'
  | 'errors.dossierTooDeep'
  | 'errors.dossierStringTooLong'
  | 'errors.dossierForbiddenKey'
  | 'errors.dossierInvalid'
  | 'errors.dossierStamps'
  | 'errors.dossierPassphrase'
  | 'errors.dossierDamaged'
  | 'errors.storage'
  | 'errors.clockDrift'
  | 'errors.clockOverflow'
  | 'errors.badStamp'
  | 'errors.fileTooLarge'
  | 'errors.fileReadFailed'
  | 'errors.fileWriteFailed'
  | 'errors.untrustedSender'
  | 'errors.vaultPassphrase'
  | 'errors.vaultHeader'
  | 'errors.vaultAuth'
  | 'errors.vaultWrite'
  | 'errors.vaultUnreachable'
  | 'errors.vaultDamaged'
  | 'errors.vaultPermission'
  | 'errors.vaultNotRemembered'
  | 'errors.csvEmpty'
  | 'errors.csvNotText'
  | 'errors.csvNameColumnMissing'
  | 'errors.photoTooLarge'
  | 'errors.photoNotImage'
  | 'errors.photoUnreadable'
  | 'errors.photoTooManyPixels'
  | 'errors.bookFailed'
  | 'errors.searchFailed'
  | 'errors.briefingEntryGone'
  | 'errors.unexpected';

export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

export class AppError extends Error {
  constructor(
    readonly key: ErrorKey,
    message: string,
    readonly issues: readonly FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function issuesFromZod(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldIssue[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}
