import { describe, expect, it } from 'vitest';
import { parseHash, toHash } from '../../../src/stores/navigation';

describe('navigation address', () => {
  it('round-trips areas and an open dossier through the URL hash', () => {
    const open = { area: 'missions' as const, missionId: '01a1f545-4c42-7e20-ac5c-5b5892a9288d' };
    expect(parseHash(toHash(open))).toEqual(open);
    expect(parseHash('#/settings')).toEqual({ area: 'settings', missionId: null });
  });

  it('falls back to Missions for unknown or hostile hashes', () => {
    for (const hash of [
      '',
      '#',
      '#/nope',
      '#/missions/<script>',
      '#/javascript:alert(1)',
      '#/settings/01a1f545-4c42-7e20-ac5c-5b5892a9288d/x',
    ]) {
      const location = parseHash(hash);
      expect(['missions', 'settings']).toContain(location.area);
      if (location.area === 'missions') expect(location.missionId).toBeNull();
    }
    expect(parseHash('#/companies/01a1f545-4c42-7e20-ac5c-5b5892a9288d')).toEqual({
      area: 'companies',
      missionId: null,
    });
  });
});

describe('dossier tab and focus in the address', () => {
  const missionId = '01a1f545-4c42-7e20-ac5c-5b5892a9288d';
  const itemId = '01a20761-2514-7192-aff7-e9b8c53cac2d';
  it('round-trips a tab and a focused record, so a readiness link survives reload', () => {
    const location = { area: 'missions' as const, missionId, tab: 'agenda' as const, focusId: itemId };
    expect(parseHash(toHash(location))).toEqual(location);
    expect(parseHash(`#/missions/${missionId}/tasks`)).toEqual({
      area: 'missions',
      missionId,
      tab: 'tasks',
      focusId: null,
    });
  });
  it('ignores an unknown tab or a malformed focus', () => {
    expect(parseHash(`#/missions/${missionId}/evil`)).toEqual({ area: 'missions', missionId });
    expect(parseHash(`#/missions/${missionId}/agenda/<img>`)).toMatchObject({ tab: 'agenda', focusId: null });
  });
});
