import { describe, expect, it } from 'vitest';
import { missionDoc, noteDoc, organisationDoc, personDoc } from '../../../src/search/documents';
import { SearchIndex, type SearchGroup } from '../../../src/search/search-index';
import { PersonFields } from '../../../src/domain/entities/person';

function titles(groups: readonly SearchGroup[], kind?: string): string[] {
  return groups
    .filter((group) => kind === undefined || group.kind === kind)
    .flatMap((group) => group.hits.map((hit) => hit.title));
}

function org(id: string, name: string, extra: Partial<Parameters<typeof organisationDoc>[0]> = {}) {
  return organisationDoc({
    id,
    name,
    localName: '',
    countryCode: 'DE',
    city: '',
    industry: '',
    website: '',
    description: '',
    ...extra,
  });
}

function sampleIndex(): SearchIndex {
  const index = new SearchIndex();
  index.add(org('o1', 'Müller Präzisionstechnik GmbH', { city: 'München', description: 'Familiebedrijf' }));
  index.add(org('o2', 'Münster Logistik AG', { city: 'Münster' }));
  index.add(
    org('o3', 'Hsinchu Optoelectronics Co., Ltd.', {
      localName: '新竹光電股份有限公司',
      countryCode: 'TW',
      city: 'Hsinchu',
    }),
  );
  index.add(org('o4', 'Sakura Medical Co., Ltd.', { localName: 'さくら医療株式会社', countryCode: 'JP' }));
  index.add(org('o5', 'Hanbit Energy', { localName: '한빛에너지', countryCode: 'KR' }));
  index.add(org('o6', 'Acme', { countryCode: 'US' }));
  index.add(org('o7', 'Acme Holding', { countryCode: 'US' }));
  index.add(org('o8', 'Nordic Robotics', { description: 'Partner of Acme in Munich' }));
  index.add(
    missionDoc({
      id: 'm1',
      title: 'Handelsmissie Beieren 2027',
      countryCodes: ['DE'],
      cities: ['München', 'Nürnberg'],
      purpose: 'Medische technologie',
      partners: ['EBU'],
    }),
  );
  index.add(
    noteDoc({
      id: 'n1',
      title: 'Arbeidsmarkt in Beieren',
      body: 'Tekort aan ingenieurs in **München**.',
      source: '',
      countryCodes: ['DE'],
    }),
  );
  return index;
}

describe('the search index', () => {
  const index = sampleIndex();

  it('ignores case and accents: "munchen" finds München in every kind', () => {
    const groups = index.search('munchen');
    expect(titles(groups, 'organisations')).toEqual(['Müller Präzisionstechnik GmbH']);
    expect(titles(groups, 'missions')).toEqual(['Handelsmissie Beieren 2027']);
    expect(titles(groups, 'notes')).toEqual(['Arbeidsmarkt in Beieren']);
    expect(titles(index.search('MÜLLER'))).toEqual(['Müller Präzisionstechnik GmbH']);
  });

  it('finds a word from its first letters, as the user types', () => {
    expect(titles(index.search('präz'))).toEqual(['Müller Präzisionstechnik GmbH']);
    expect(titles(index.search('hsin opto'))).toEqual(['Hsinchu Optoelectronics Co., Ltd.']);
  });

  it('matches one or two letters only against titles and subtitles, from three letters also the body', () => {
    expect(index.search('fa')).toEqual([]);
    expect(titles(index.search('fam'))).toEqual(['Müller Präzisionstechnik GmbH']);
    expect(titles(index.search('mü'), 'organisations')).toEqual([
      'Müller Präzisionstechnik GmbH',
      'Münster Logistik AG',
    ]);
  });

  it('forgives one typo in a word of four letters or more, two from eight', () => {
    expect(titles(index.search('mulelr'))).toEqual(['Müller Präzisionstechnik GmbH']);
    expect(titles(index.search('optoelectornisc'))).toEqual(['Hsinchu Optoelectronics Co., Ltd.']);
    // Three letters: no typo allowance, or every short word would match.
    expect(titles(index.search('acm'), 'organisations')).toEqual(['Acme', 'Acme Holding', 'Nordic Robotics']);
    expect(index.search('xcm')).toEqual([]);
  });

  it('ranks exact before prefix before typo, and a title above a description', () => {
    const ranked = new SearchIndex();
    ranked.add(org('b1', 'Barn Studios'));
    ranked.add(org('b2', 'Berner Bank'));
    ranked.add(org('b3', 'Consultancy', { description: 'Kantoor in Bern' }));
    ranked.add(org('b4', 'Bern Consult'));
    expect(titles(ranked.search('bern'))).toEqual(['Bern Consult', 'Berner Bank', 'Consultancy', 'Barn Studios']);
    // "Acme" in a title beats "Acme" in a description; the shorter title is the closer match.
    expect(titles(index.search('acme'))).toEqual(['Acme', 'Acme Holding', 'Nordic Robotics']);
  });

  it('finds any part of a Chinese, Japanese or Korean name', () => {
    expect(titles(index.search('光電'))).toEqual(['Hsinchu Optoelectronics Co., Ltd.']);
    expect(titles(index.search('新竹光電'))).toEqual(['Hsinchu Optoelectronics Co., Ltd.']);
    expect(titles(index.search('医療'))).toEqual(['Sakura Medical Co., Ltd.']);
    expect(titles(index.search('에너지'))).toEqual(['Hanbit Energy']);
    expect(titles(index.search('光'))).toEqual(['Hsinchu Optoelectronics Co., Ltd.']);
    expect(index.search('光医')).toEqual([]);
  });

  it('needs every word of the query to match', () => {
    expect(titles(index.search('acme holding'))).toEqual(['Acme Holding']);
    expect(index.search('acme münchen zzzz')).toEqual([]);
  });

  it('groups results by kind, best group first, with the number found', () => {
    const groups = index.search('beieren');
    expect(groups.map((group) => [group.kind, group.total])).toEqual([
      ['missions', 1],
      ['notes', 1],
    ]);
    expect(index.search('co', 1).find((group) => group.kind === 'organisations')).toMatchObject({ total: 2 });
  });

  it('follows edits: an update replaces the old text, a removal takes it out', () => {
    const live = sampleIndex();
    live.update(org('o6', 'Acme Robotics', { countryCode: 'US' }));
    expect(titles(live.search('robotics'))).toEqual(['Acme Robotics', 'Nordic Robotics']);
    live.remove({ kind: 'organisations', id: 'o6' });
    expect(titles(live.search('robotics'))).toEqual(['Nordic Robotics']);
    expect(live.size).toBe(9);
  });

  it('reopens from its serialized form with the same answers, and keeps following edits', () => {
    const live = sampleIndex();
    live.remove({ kind: 'organisations', id: 'o2' });
    const reopened = SearchIndex.deserialize(live.serialize());
    if (!reopened) throw new Error('did not reopen');
    for (const query of ['munchen', 'acme', '光電', 'mulelr', 'beieren', 'münster']) {
      expect(reopened.search(query), query).toEqual(live.search(query));
    }
    reopened.add(org('o9', 'Zeppelin Werke', { city: 'Friedrichshafen' }));
    expect(titles(reopened.search('zepp'))).toEqual(['Zeppelin Werke']);
    // Records that came with the saved form are replaced and removed like any other.
    reopened.update(org('o6', 'Acme Robotics', { countryCode: 'US' }));
    expect(titles(reopened.search('robotics'))).toEqual(['Acme Robotics', 'Nordic Robotics']);
    reopened.remove({ kind: 'organisations', id: 'o1' });
    expect(titles(reopened.search('muller'))).toEqual([]);
    expect(reopened.size).toBe(9);
    // Saved again after those edits, it gives the same answers once more.
    const again = SearchIndex.deserialize(reopened.serialize());
    for (const query of ['munchen', 'acme', 'robotics', '光電', 'zeppelin', 'muller', '한빛']) {
      expect(again?.search(query), query).toEqual(reopened.search(query));
    }
  });

  it('refuses a saved form that is not one, or is damaged, instead of answering wrongly', () => {
    const bytes = sampleIndex().serialize();
    expect(SearchIndex.deserialize('{"format":"something else"}')).toBeNull();
    expect(SearchIndex.deserialize('not json')).toBeNull();
    expect(SearchIndex.deserialize(bytes.subarray(0, bytes.length - 1))).toBeNull();
    expect(SearchIndex.deserialize(new Uint8Array(bytes.length))).toBeNull();
    const otherVersion = bytes.slice();
    otherVersion[4] = 99;
    expect(SearchIndex.deserialize(otherVersion)).toBeNull();
    expect(SearchIndex.deserialize(new SearchIndex().serialize())?.size).toBe(0);
  });

  it('stays correct after many removals force it to compact', () => {
    const big = new SearchIndex();
    for (let i = 0; i < 3000; i++) big.add(org(`x${i}`, `Firma ${i} Werkzeug`));
    for (let i = 0; i < 2500; i++) big.remove({ kind: 'organisations', id: `x${i}` });
    expect(big.size).toBe(500);
    expect(big.search('werkzeug', 3)[0]).toMatchObject({ total: 500 });
    expect(titles(big.search('2999'))).toEqual(['Firma 2999 Werkzeug']);
    expect(big.search('2000')).toEqual([]);
  });
});

describe('sensitive person fields', () => {
  it('are never indexed: a passport number, birth date or medical note cannot be found', () => {
    const person = {
      id: 'p1',
      ...PersonFields.parse({
        givenName: 'Jan',
        familyName: 'de Vries',
        kind: 'official',
        jobTitle: 'Wethouder',
        passportNumber: 'NX7Q4K2L9',
        dateOfBirth: '1970-03-07',
        dietaryNeeds: 'glutenvrij',
        medicalNotes: 'penicillineallergie',
        emergencyContact: 'Marieke Bakker',
      }),
    };
    const index = new SearchIndex();
    index.add(personDoc(person));
    expect(titles(index.search('vries'))).toEqual(['Jan de Vries']);
    for (const secret of ['NX7Q4K2L9', 'nx7q', '1970', 'glutenvrij', 'penicilline', 'Bakker', 'Marieke']) {
      expect(index.search(secret), secret).toEqual([]);
    }
    expect(new TextDecoder().decode(index.serialize())).not.toMatch(/nx7q4k2l9|glutenvrij|penicilline|bakker/i);
  });

  it('shows an organisation with its own-script name, and hands back countries as codes for the reader', () => {
    const index = sampleIndex();
    const [hit] = index.search('新竹')[0]?.hits ?? [];
    expect(hit).toMatchObject({
      title: 'Hsinchu Optoelectronics Co., Ltd.',
      subtitle: '新竹光電股份有限公司, Hsinchu',
    });
    expect(hit?.ref).toBe('TW');
    // A country's name in either language finds the records of that country.
    for (const query of ['duitsland', 'germany']) {
      const kinds = index.search(query).map((group) => group.kind);
      expect(kinds, query).toEqual(expect.arrayContaining(['organisations', 'missions', 'notes']));
    }
    const note = index.search('beieren').find((group) => group.kind === 'notes')?.hits[0];
    expect(note).toMatchObject({ subtitle: '', ref: 'DE' });
  });
});

describe('people', () => {
  it('finds a Chinese or Korean name typed family name first, as it is written', () => {
    const index = new SearchIndex();
    const people = [
      { id: 'p1', givenName: '志明', familyName: '陳' },
      { id: 'p2', givenName: '민준', familyName: '김' },
    ];
    for (const { id, ...name } of people) {
      index.add(personDoc({ id, ...PersonFields.parse({ ...name, kind: 'partner' }) }));
    }
    expect(titles(index.search('陳志明'))).toEqual(['陳志明']);
    expect(titles(index.search('김민준'))).toEqual(['김민준']);
  });
});
