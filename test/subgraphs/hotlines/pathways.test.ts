import t from 'tap'
import { hotlinesDefinition } from '../../../subgraphs/hotlines/app.ts'
import { identity } from '../../helpers/identities.ts'
import { startTestSubgraph } from '../../helpers/subgraph.ts'

// Monday 1 June 2026, 10:00 in Bangkok.
const NOW = new Date('2026-06-01T03:00:00Z')

const PATHWAY = `query($country: String!, $harm: String!, $audience: ReferralAudience, $lang: String, $priority: Boolean) {
  referralPathway(country: $country, harm: $harm, audience: $audience, lang: $lang, priority: $priority) {
    country { code } harmType { code } audience language priority missingSteps
    steps {
      order kind reason operator { id } alternatives { id }
      hotline { id kind channels { id type value display e164 dialableIn { code } label openNow stale verified languages } }
      contact { id type display }
    }
  }
}`

t.test('referral pathways', async (t) => {
  const sg = await startTestSubgraph(t, hotlinesDefinition({ staleAfterDays: 180 }), { clock: () => NOW })
  const pathway = async (vars: Record<string, unknown>) => {
    const res = await sg.query(PATHWAY, vars)
    t.notOk(res.errors, JSON.stringify(res.errors))
    return res.data.referralPathway
  }
  const summary = (p: any) => p.steps.map((s: any) => [s.order, s.kind, s.hotline.id, s.operator?.id ?? null])

  t.test('Thailand, sextortion: emergency, TICAC, Saidek 1387, then INHOPE because ThaiHotline takes CSAM only', async (t) => {
    const p = await pathway({ country: 'th', harm: 'sextortion' })
    t.equal(p.country.code, 'TH')
    t.equal(p.audience, 'PROFESSIONAL')
    t.same(summary(p), [
      [1, 'EMERGENCY', 'th-emergency', null],
      [2, 'LAW_ENFORCEMENT', 'th-ticac', 'th-rtp-ticac'],
      [3, 'CHILD_HELPLINE', 'th-saidek-1387', 'childline-thailand'],
      [4, 'INTERNATIONAL_FALLBACK', 'inhope-hotlines', 'inhope'],
    ])
    t.same(p.missingSteps, ['NATIONAL_HOTLINE'])
    const [police] = p.steps[0].hotline.channels
    t.match(police, { type: 'SHORT_CODE', value: '191', e164: null, dialableIn: { code: 'TH' }, label: 'Police (191)', openNow: true, stale: false })
    t.same(p.steps[2].alternatives, [{ id: 'th-prachabodi-1300' }])
    t.match(p.steps[2].hotline.channels[0], { display: '1387', openNow: true, verified: true, languages: ['th'] })
    t.match(p.steps[3].reason, /^The directory has no national hotline in Thailand that accepts reports of sexual extortion of children/)
  })

  t.test('Thailand, CSAM: ThaiHotline is the national hotline and no fallback is needed', async (t) => {
    const p = await pathway({ country: 'TH', harm: 'csam' })
    t.same(p.steps.map((s: any) => s.kind), ['EMERGENCY', 'NATIONAL_HOTLINE', 'LAW_ENFORCEMENT', 'CHILD_HELPLINE'])
    t.match(p.steps[1], { hotline: { id: 'th-thaihotline' }, operator: { id: 'th-ifdt' } })
    t.same(p.missingSteps, [])
  })

  t.test('Philippines, CSAM: eProtectKids, PICACC and the Makabata Helpline 1383', async (t) => {
    const p = await pathway({ country: 'PH', harm: 'csam' })
    t.same(summary(p), [
      [1, 'EMERGENCY', 'ph-emergency', null],
      [2, 'NATIONAL_HOTLINE', 'ph-eprotectkids', 'ecpat-philippines'],
      [3, 'LAW_ENFORCEMENT', 'ph-picacc', 'ph-picacc'],
      [4, 'CHILD_HELPLINE', 'ph-makabata-1383', 'ph-cwc'],
    ])
    t.same(p.steps[3].alternatives, [{ id: 'ph-bantay-bata-163' }])
    const makabata = p.steps[3].hotline.channels
    t.same(makabata.map((c: any) => c.e164 ?? c.value), ['1383', '+639158022375', '+639603779863', 'makabata1383@cwc.gov.ph'])
    t.same(p.steps[2].hotline.channels, [], 'the unit has no public channel: its escalation contact is restricted')
  })

  t.test('Indonesia, CSAM: no national hotline, so the IWF portal for Indonesia, then INHOPE', async (t) => {
    const p = await pathway({ country: 'ID', harm: 'csam' })
    t.same(summary(p), [
      [1, 'EMERGENCY', 'id-emergency', null],
      [2, 'LAW_ENFORCEMENT', 'id-polri-ppa-ppo', 'id-polri-ppa-ppo'],
      [3, 'CHILD_HELPLINE', 'id-sapa-129', 'id-kemenpppa'],
      [4, 'INTERNATIONAL_FALLBACK', 'iwf-portal-id', 'iwf'],
    ])
    t.same(p.missingSteps, ['NATIONAL_HOTLINE'])
    t.same(p.steps[3].alternatives, [{ id: 'inhope-hotlines' }])
    t.match(p.steps[3].reason, /takes reports for Indonesia/)
    t.match(p.steps[3].hotline.channels[0], { type: 'WEB_FORM', value: 'https://report.iwf.org.uk/id', languages: ['id'] })
    t.equal(p.steps[2].hotline.kind, 'SOCIAL_WELFARE', 'no child helpline: the social-welfare line takes the step')
    t.match(p.steps[2].reason, /no dedicated child helpline/)
    const sapa = p.steps[2].hotline.channels
    t.same(sapa.map((c: any) => [c.type, c.e164 ?? c.value]), [['SHORT_CODE', '129'], ['WHATSAPP', '+628111129129']])
    t.equal(sapa[0].openNow, null, 'hours not known')
  })

  t.test('Cambodia, sextortion: Internet Hotline Cambodia, the national police department and CHC 1280', async (t) => {
    const p = await pathway({ country: 'KH', harm: 'sextortion' })
    t.same(summary(p), [
      [1, 'EMERGENCY', 'kh-emergency', null],
      [2, 'NATIONAL_HOTLINE', 'kh-internet-hotline', 'aple-cambodia'],
      [3, 'LAW_ENFORCEMENT', 'kh-ahtjpd', 'kh-cnp-ahtjpd'],
      [4, 'CHILD_HELPLINE', 'kh-chc-1280', 'child-helpline-cambodia'],
    ])
    t.same(p.steps[2].alternatives, [{ id: 'kh-anti-cyber-crime' }])
    const phone = p.steps[1].hotline.channels.find((c: any) => c.type === 'PHONE')
    t.match(phone, { value: '+85592311511', e164: '+85592311511', display: '+855 92 311 511', dialableIn: null })
    t.notOk(p.steps[3].hotline.channels.some((c: any) => c.value === '+85523224841'), 'the administration line is not public')
  })

  t.test('Malaysia: CSAM falls back to INHOPE; grooming has neither a national nor an international hotline', async (t) => {
    const csam = await pathway({ country: 'MY', harm: 'csam' })
    t.same(summary(csam).map((s: any[]) => s[2]), ['my-emergency', 'my-pdrm-micac', 'my-talian-kasih-15999', 'inhope-hotlines'])
    const kasih = csam.steps[2].hotline.channels
    t.same(kasih.map((c: any) => [c.type, c.e164 ?? c.value, c.openNow]), [['SHORT_CODE', '15999', true], ['WHATSAPP', '+60192615999', null]])
    const grooming = await pathway({ country: 'MY', harm: 'grooming' })
    t.same(grooming.missingSteps, ['NATIONAL_HOTLINE', 'INTERNATIONAL_FALLBACK'])
    t.same(grooming.steps.map((s: any) => s.kind), ['EMERGENCY', 'LAW_ENFORCEMENT', 'CHILD_HELPLINE'])
  })

  t.test('Viet Nam, CSAM: 113, the MPS cyber department, 111 with Zalo, then INHOPE', async (t) => {
    const p = await pathway({ country: 'VN', harm: 'csam' })
    t.same(summary(p), [
      [1, 'EMERGENCY', 'vn-emergency', null],
      [2, 'LAW_ENFORCEMENT', 'vn-mps-cyber', 'vn-mps-cyber'],
      [3, 'CHILD_HELPLINE', 'vn-111', 'vn-moh'],
      [4, 'INTERNATIONAL_FALLBACK', 'inhope-hotlines', 'inhope'],
    ])
    t.same(p.steps[2].hotline.channels.map((c: any) => [c.type, c.value]), [['SHORT_CODE', '111'], ['ZALO', '111'], ['WEBSITE', 'https://tongdai111.vn']])
  })

  t.test('Myanmar has only its emergency number; the gaps are named', async (t) => {
    const p = await pathway({ country: 'MM', harm: 'csam' })
    t.same(summary(p), [[1, 'EMERGENCY', 'mm-emergency', null], [2, 'INTERNATIONAL_FALLBACK', 'inhope-hotlines', 'inhope']])
    t.same(p.missingSteps, ['NATIONAL_HOTLINE', 'LAW_ENFORCEMENT', 'CHILD_HELPLINE'])
  })

  t.test('the audience decides the steps and their order', async (t) => {
    const child = await pathway({ country: 'TH', harm: 'csam', audience: 'CHILD' })
    t.same(child.steps.map((s: any) => s.kind), ['EMERGENCY', 'CHILD_HELPLINE', 'NATIONAL_HOTLINE'], 'no police unit for a child')
    const caregiver = await pathway({ country: 'TH', harm: 'csam', audience: 'CAREGIVER' })
    t.same(caregiver.steps.map((s: any) => s.kind), ['EMERGENCY', 'CHILD_HELPLINE', 'NATIONAL_HOTLINE', 'LAW_ENFORCEMENT'])
    const platform = await pathway({ country: 'TH', harm: 'sextortion', audience: 'PLATFORM' })
    t.same(platform.steps.at(-1), { ...platform.steps.at(-1), kind: 'PLATFORM_REPORTING', order: 5 })
    t.match(platform.steps.at(-1), { hotline: { id: 'ncmec-cybertipline' }, operator: { id: 'ncmec' }, reason: /US-based platforms/ })
    const bullying = await pathway({ country: 'TH', harm: 'sexualised-cyberbullying', audience: 'PLATFORM' })
    t.ok(bullying.missingSteps.includes('PLATFORM_REPORTING'), 'the CyberTipline does not take every harm type')
  })

  t.test('priority mode gives one contact per step: open, verified, fresh, phone first', async (t) => {
    const p = await pathway({ country: 'TH', harm: 'csam', priority: true, lang: 'th-TH' })
    t.equal(p.language, 'th-TH')
    t.same(
      p.steps.map((s: any) => [s.kind, s.contact?.id ?? null, s.alternatives.length]),
      [
        ['EMERGENCY', 'th-emergency-191', 0],
        ['NATIONAL_HOTLINE', 'th-thaihotline-web', 0],
        ['LAW_ENFORCEMENT', 'th-ticac-website', 0],
        ['CHILD_HELPLINE', 'th-saidek-1387-call', 0],
      ],
    )
    // Singapore: Tinkle Friend's hours are unknown and unchecked since 2014; the 24/7 national line wins.
    const sgp = await pathway({ country: 'SG', harm: 'grooming', priority: true })
    const helpline = sgp.steps.find((s: any) => s.kind === 'CHILD_HELPLINE')
    t.match(helpline, { hotline: { id: 'sg-navh' }, contact: { id: 'sg-navh-call', type: 'TOLL_FREE', display: '+65 1800 777 0000' } })
    const plain = await pathway({ country: 'SG', harm: 'grooming' })
    t.match(plain.steps.find((s: any) => s.kind === 'CHILD_HELPLINE'), { hotline: { id: 'sg-tinkle-friend' }, contact: null, alternatives: [{ id: 'sg-navh' }] })
  })

  t.test('bad input is refused with the allowed values named', async (t) => {
    const q = `query($c: String!, $h: String!, $l: String) { referralPathway(country: $c, harm: $h, lang: $l) { country { code } } }`
    const unknown = await sg.query(q, { c: 'XX', h: 'csam' })
    t.match(unknown.errors?.[0], { message: /TH/, extensions: { code: 'BAD_USER_INPUT', allowed: ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'VN', 'TL'] } })
    const outside = await sg.query(q, { c: 'FR', h: 'csam' })
    t.match(outside.errors?.[0], { message: /ASEAN member states only: BN, KH/, extensions: { code: 'BAD_USER_INPUT', argument: 'country' } })
    const harm = await sg.query(q, { c: 'TH', h: 'child-porn' })
    t.match(harm.errors?.[0], { message: /not a harm type code\. Allowed: csam, csam-ai, grooming, sextortion/, extensions: { code: 'BAD_USER_INPUT', argument: 'harm' } })
    t.equal(harm.errors?.[0]?.extensions?.allowed.length, 12)
    const lang = await sg.query(q, { c: 'TH', h: 'csam', l: 'thai language!' })
    t.match(lang.errors?.[0], { message: /not a well-formed BCP 47 language tag\. Services in TH work in: th/, extensions: { code: 'BAD_USER_INPUT', argument: 'lang' } })
    t.ok(lang.errors?.[0]?.extensions?.allowed.includes('th'))
    const audience = await sg.query(`{ referralPathway(country: "TH", harm: "csam", audience: EVERYONE) { audience } }`)
    t.equal(audience.errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED')
    const filter = await sg.query(`{ hotlines(country: "TH", harm: "porn") { id } }`)
    t.match(filter.errors?.[0], { extensions: { code: 'BAD_USER_INPUT', argument: 'harm' } })
  })

  t.test('a verified tech company gets the restricted escalation contact in priority mode; the public is refused it', async (t) => {
    const q = `{ referralPathway(country: "TH", harm: "sextortion", priority: true) { steps { kind escalationContact { value label source visibility verified } } } }`
    const company = await sg.query(q, {}, identity('tech_company', { verified: true, org: 'meta' }))
    t.notOk(company.errors)
    const steps = company.data.referralPathway.steps
    t.match(steps.find((s: any) => s.kind === 'LAW_ENFORCEMENT').escalationContact, {
      value: 'th-ticac.escalation@example.org',
      label: /^Example only/,
      source: /^Example only/,
      visibility: 'RESTRICTED',
      verified: false,
    })
    t.ok(steps.filter((s: any) => s.kind !== 'LAW_ENFORCEMENT').every((s: any) => s.escalationContact === null))
    const anonymous = await sg.query(q)
    t.equal(anonymous.errors?.[0]?.extensions?.code, 'FORBIDDEN')
    t.notMatch(JSON.stringify(anonymous), /example\.org/)
  })
})
