/** The registration endpoints (server: modules/registration/index.ts). */
import Type from 'typebox';
import { Binary, ExportQuery, IdParams, Page } from './common';
import {
  Agreement,
  AgreementsQuery,
  BulkRegistrationDecision,
  BulkRegistrationDecisionBody,
  CardNoParams,
  CardVerification,
  CreateAgreementBody,
  CreateCycleBody,
  EndBody,
  MissingEntry,
  MissingQuery,
  Pairing,
  PairingsQuery,
  ProposePairingBody,
  Registration,
  RegistrationCard,
  RegistrationCycle,
  RegistrationStats,
  RegistrationStatsQuery,
  RegistrationsQuery,
  RejectBody,
  ReminderBody,
  ReportInBody,
  SignBody,
  UpdateAgreementBody,
} from './registration';
import { endpoint } from './endpoint';

export const listCycles = endpoint({
  method: 'GET',
  path: '/registration-cycles',
  response: Type.Object({ items: Type.Array(RegistrationCycle) }),
  permission: 'registration.read',
  summary: 'Registration periods (the current one marked)',
  tags: ['registration'],
});

export const createCycle = endpoint({
  method: 'POST',
  path: '/registration-cycles',
  body: CreateCycleBody,
  response: RegistrationCycle,
  status: 201,
  permission: 'registration.cycle.manage',
  summary: 'Open a registration period (e.g. every half year)',
  tags: ['registration'],
});

export const listRegistrations = endpoint({
  method: 'GET',
  path: '/registrations',
  query: RegistrationsQuery,
  response: Page(Registration),
  permission: 'registration.read',
  summary: 'Registrations the caller may see',
  tags: ['registration'],
});

export const listMissing = endpoint({
  method: 'GET',
  path: '/registrations/missing',
  query: MissingQuery,
  response: Page(MissingEntry),
  permission: 'registration.read',
  summary: 'Who has not reported in yet (members or units)',
  tags: ['registration'],
});

export const sendReminders = endpoint({
  method: 'POST',
  path: '/registrations/reminders',
  body: ReminderBody,
  response: Type.Object({ sent: Type.Integer() }),
  permission: 'registration.read',
  summary: 'Remind those who have not reported in (in-app, once per cycle)',
  tags: ['registration'],
});

export const exportRegistrations = endpoint({
  method: 'GET',
  path: '/registrations/export',
  query: ExportQuery(RegistrationsQuery),
  response: Binary,
  permission: 'registration.read',
  summary: 'The registrations as filtered, as .xlsx (masked)',
  tags: ['registration'],
});

export const exportRegistrationsMissing = endpoint({
  method: 'GET',
  path: '/registrations/missing/export',
  query: ExportQuery(MissingQuery),
  response: Binary,
  permission: 'registration.read',
  summary: 'Who has not reported in, as filtered, as .xlsx (masked)',
  tags: ['registration'],
});

export const getRegistration = endpoint({
  method: 'GET',
  path: '/registrations/:id',
  params: IdParams,
  response: Registration,
  permission: 'registration.read',
  summary: 'One registration',
  tags: ['registration'],
});

export const reportIn = endpoint({
  method: 'POST',
  path: '/registrations',
  body: ReportInBody,
  response: Registration,
  status: 201,
  permission: 'registration.apply',
  summary: 'Report in: a member where he or she lives, a unit to a paired community',
  tags: ['registration'],
});

export const confirmRegistration = endpoint({
  method: 'POST',
  path: '/registrations/:id/confirm',
  params: IdParams,
  response: Registration,
  permission: 'registration.decide',
  summary: 'Confirm a registration (issues the card)',
  tags: ['registration'],
});

export const rejectRegistration = endpoint({
  method: 'POST',
  path: '/registrations/:id/reject',
  params: IdParams,
  body: RejectBody,
  response: Registration,
  permission: 'registration.decide',
  summary: 'Reject a registration with a reason',
  tags: ['registration'],
});

export const decideRegistrations = endpoint({
  method: 'POST',
  path: '/registrations/decisions',
  body: BulkRegistrationDecisionBody,
  response: BulkRegistrationDecision,
  permission: 'registration.decide',
  summary: 'Confirm or reject many registrations (ids, or all pending matching a filter): all or nothing, a report per refused row',
  tags: ['registration'],
});

export const registrationCard = endpoint({
  method: 'GET',
  path: '/registrations/:id/card',
  params: IdParams,
  response: RegistrationCard,
  permission: 'registration.read',
  summary: 'The registration card (报到证) with its QR code',
  tags: ['registration'],
});

export const verifyCard = endpoint({
  method: 'GET',
  path: '/public/registration-cards/:cardNo',
  params: CardNoParams,
  response: CardVerification,
  permission: 'public',
  summary: 'Check a card (what its QR code opens; no login)',
  tags: ['registration'],
});

export const registrationStats = endpoint({
  method: 'GET',
  path: '/registration-stats',
  query: RegistrationStatsQuery,
  response: RegistrationStats,
  permission: 'registration.read',
  summary: 'Reported in against expected, per area and week; agreements',
  tags: ['registration'],
});

export const exportRegistrationStats = endpoint({
  method: 'GET',
  path: '/registration-stats/export',
  query: ExportQuery(RegistrationStatsQuery),
  response: Binary,
  permission: 'registration.read',
  summary: 'The statistics tree under the caller, as .xlsx',
  tags: ['registration'],
});

export const listPairings = endpoint({
  method: 'GET',
  path: '/pairings',
  query: PairingsQuery,
  response: Page(Pairing),
  permission: 'pairing.read',
  summary: 'Pairings of units and communities',
  tags: ['pairings and agreements'],
});

export const exportPairings = endpoint({
  method: 'GET',
  path: '/pairings/export',
  query: ExportQuery(PairingsQuery),
  response: Binary,
  permission: 'pairing.read',
  summary: 'The pairings as filtered, as .xlsx',
  tags: ['pairings and agreements'],
});

export const getPairing = endpoint({
  method: 'GET',
  path: '/pairings/:id',
  params: IdParams,
  response: Pairing,
  permission: 'pairing.read',
  summary: 'One pairing',
  tags: ['pairings and agreements'],
});

export const proposePairing = endpoint({
  method: 'POST',
  path: '/pairings',
  body: ProposePairingBody,
  response: Pairing,
  status: 201,
  permission: 'pairing.propose',
  summary: 'Propose a pairing (a supervisor’s is active at once)',
  tags: ['pairings and agreements'],
});

export const acceptPairing = endpoint({
  method: 'POST',
  path: '/pairings/:id/accept',
  params: IdParams,
  response: Pairing,
  permission: 'pairing.decide',
  summary: 'Accept a proposal (the other side)',
  tags: ['pairings and agreements'],
});

export const declinePairing = endpoint({
  method: 'POST',
  path: '/pairings/:id/decline',
  params: IdParams,
  body: EndBody,
  response: Pairing,
  permission: 'pairing.decide',
  summary: 'Decline a proposal',
  tags: ['pairings and agreements'],
});

export const endPairing = endpoint({
  method: 'POST',
  path: '/pairings/:id/end',
  params: IdParams,
  body: EndBody,
  response: Pairing,
  permission: 'pairing.decide',
  summary: 'End a pairing',
  tags: ['pairings and agreements'],
});

export const listAgreements = endpoint({
  method: 'GET',
  path: '/agreements',
  query: AgreementsQuery,
  response: Page(Agreement),
  permission: 'agreement.read',
  summary: 'Agreements (filter by status, or expiring within N days)',
  tags: ['pairings and agreements'],
});

export const getAgreement = endpoint({
  method: 'GET',
  path: '/agreements/:id',
  params: IdParams,
  response: Agreement,
  permission: 'agreement.read',
  summary: 'One agreement with its tasks',
  tags: ['pairings and agreements'],
});

export const createAgreement = endpoint({
  method: 'POST',
  path: '/agreements',
  body: CreateAgreementBody,
  response: Agreement,
  status: 201,
  permission: 'agreement.write',
  summary: 'Draft an agreement for an active pairing',
  tags: ['pairings and agreements'],
});

export const updateAgreement = endpoint({
  method: 'PATCH',
  path: '/agreements/:id',
  params: IdParams,
  body: UpdateAgreementBody,
  response: Agreement,
  permission: 'agreement.write',
  summary: 'Change a draft',
  tags: ['pairings and agreements'],
});

export const signAgreement = endpoint({
  method: 'POST',
  path: '/agreements/:id/sign',
  params: IdParams,
  body: SignBody,
  response: Agreement,
  permission: 'agreement.sign',
  summary: 'Sign for a side (a: the community, b: the unit)',
  tags: ['pairings and agreements'],
});

export const endAgreement = endpoint({
  method: 'POST',
  path: '/agreements/:id/end',
  params: IdParams,
  body: EndBody,
  response: Agreement,
  permission: 'agreement.write',
  summary: 'End an agreement early, with a reason',
  tags: ['pairings and agreements'],
});
