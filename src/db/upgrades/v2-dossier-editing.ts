/** Schema version 2: every v1 record rewritten in its v2 form (see src/domain/upgrades/v1-to-v2.ts). */
import type { Transaction } from 'dexie';
import { upgradeRecordV1toV2, V1_TABLES } from '../../domain/upgrades/v1-to-v2';

export async function upgradeToV2(tx: Transaction): Promise<void> {
  for (const table of V1_TABLES) {
    await tx
      .table(table)
      .toCollection()
      .modify((record: Record<string, unknown>, ref: { value: Record<string, unknown> }) => {
        ref.value = upgradeRecordV1toV2(table, record);
      });
  }
}
