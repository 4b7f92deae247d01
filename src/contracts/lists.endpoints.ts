/** The three lists endpoints (server: modules/lists/index.ts). */
import { Binary, IdParams, Page } from './common';
import { endpoint } from './endpoint';
import {
  AssignClaimBody,
  Claim,
  ClaimRuleProgress,
  ClaimRuleQuery,
  ClaimsQuery,
  CreateNeedBody,
  CreateProjectBody,
  CreateResourceBody,
  MilestoneParams,
  Need,
  NeedSuggestions,
  NeedsQuery,
  ProjectDetail,
  ProjectSummary,
  ProjectsQuery,
  RateBody,
  ReasonBody,
  ReportProgressBody,
  Resource,
  ResourceSuggestions,
  ResourcesQuery,
  SelfClaimBody,
  SetClaimRuleBody,
  SignOffBody,
  SuggestionsQuery,
  UpdateNeedBody,
  UpdateProjectBody,
  UpdateResourceBody,
  Upload,
  UploadBody,
  Wall,
  WallParams,
  WallQuery,
} from './lists';
import { AddMatchTermBody, FeedbackExport, FeedbackParams, MatchDictionary, MatchTerm, MyFeedbackList, SuggestionFeedback, SuggestionFeedbackBody } from './matching';

export const listNeeds = endpoint({
  method: 'GET',
  path: '/lists/needs',
  query: NeedsQuery,
  response: Page(Need),
  permission: 'lists.need.read',
  summary: 'Needs the caller may see',
  tags: ['three lists: needs'],
});

export const createNeed = endpoint({
  method: 'POST',
  path: '/lists/needs',
  body: CreateNeedBody,
  response: Need,
  status: 201,
  permission: 'lists.need.write',
  summary: 'Draft a need of a community',
  tags: ['three lists: needs'],
});

export const getNeed = endpoint({
  method: 'GET',
  path: '/lists/needs/:id',
  params: IdParams,
  response: Need,
  permission: 'lists.need.read',
  summary: 'One need',
  tags: ['three lists: needs'],
});

export const updateNeed = endpoint({
  method: 'PATCH',
  path: '/lists/needs/:id',
  params: IdParams,
  body: UpdateNeedBody,
  response: Need,
  permission: 'lists.need.write',
  summary: 'Change a draft or published need',
  tags: ['three lists: needs'],
});

export const publishNeed = endpoint({
  method: 'POST',
  path: '/lists/needs/:id/publish',
  params: IdParams,
  response: Need,
  permission: 'lists.need.write',
  summary: 'Publish a draft need',
  tags: ['three lists: needs'],
});

export const closeNeed = endpoint({
  method: 'POST',
  path: '/lists/needs/:id/close',
  params: IdParams,
  body: ReasonBody,
  response: Need,
  permission: 'lists.need.write',
  summary: 'Close a need, with a reason',
  tags: ['three lists: needs'],
});

export const reopenNeed = endpoint({
  method: 'POST',
  path: '/lists/needs/:id/reopen',
  params: IdParams,
  response: Need,
  permission: 'lists.need.write',
  summary: 'Publish a closed need again',
  tags: ['three lists: needs'],
});

export const suggestResourcesForNeed = endpoint({
  method: 'GET',
  path: '/lists/needs/:id/suggestions',
  params: IdParams,
  query: SuggestionsQuery,
  response: ResourceSuggestions,
  permission: 'lists.need.read',
  summary: 'Resources (and units) most likely to answer the need',
  tags: ['three lists: needs'],
});

export const listResources = endpoint({
  method: 'GET',
  path: '/lists/resources',
  query: ResourcesQuery,
  response: Page(Resource),
  permission: 'lists.resource.read',
  summary: 'Published resources (and the caller’s unit’s own)',
  tags: ['three lists: resources'],
});

export const createResource = endpoint({
  method: 'POST',
  path: '/lists/resources',
  body: CreateResourceBody,
  response: Resource,
  status: 201,
  permission: 'lists.resource.write',
  summary: 'Draft a resource of a unit',
  tags: ['three lists: resources'],
});

export const getResource = endpoint({
  method: 'GET',
  path: '/lists/resources/:id',
  params: IdParams,
  response: Resource,
  permission: 'lists.resource.read',
  summary: 'One resource',
  tags: ['three lists: resources'],
});

export const updateResource = endpoint({
  method: 'PATCH',
  path: '/lists/resources/:id',
  params: IdParams,
  body: UpdateResourceBody,
  response: Resource,
  permission: 'lists.resource.write',
  summary: 'Change a resource',
  tags: ['three lists: resources'],
});

export const publishResource = endpoint({
  method: 'POST',
  path: '/lists/resources/:id/publish',
  params: IdParams,
  response: Resource,
  permission: 'lists.resource.write',
  summary: 'Publish a resource',
  tags: ['three lists: resources'],
});

export const withdrawResource = endpoint({
  method: 'POST',
  path: '/lists/resources/:id/withdraw',
  params: IdParams,
  response: Resource,
  permission: 'lists.resource.write',
  summary: 'Withdraw a published resource',
  tags: ['three lists: resources'],
});

export const suggestNeedsForResource = endpoint({
  method: 'GET',
  path: '/lists/resources/:id/suggestions',
  params: IdParams,
  query: SuggestionsQuery,
  response: NeedSuggestions,
  permission: 'lists.resource.read',
  summary: 'Published needs the resource could serve',
  tags: ['three lists: resources'],
});

export const listProjects = endpoint({
  method: 'GET',
  path: '/lists/projects',
  query: ProjectsQuery,
  response: Page(ProjectSummary),
  permission: 'lists.project.read',
  summary: 'Projects of the year the caller may see',
  tags: ['three lists: projects'],
});

export const createProject = endpoint({
  method: 'POST',
  path: '/lists/projects',
  body: CreateProjectBody,
  response: ProjectDetail,
  status: 201,
  permission: 'lists.project.write',
  summary: 'Draft a project',
  tags: ['three lists: projects'],
});

export const getProject = endpoint({
  method: 'GET',
  path: '/lists/projects/:id',
  params: IdParams,
  response: ProjectDetail,
  permission: 'lists.project.read',
  summary: 'One project with its milestones, claims, reports, sign-offs and ratings',
  tags: ['three lists: projects'],
});

export const updateProject = endpoint({
  method: 'PATCH',
  path: '/lists/projects/:id',
  params: IdParams,
  body: UpdateProjectBody,
  response: ProjectDetail,
  permission: 'lists.project.write',
  summary: 'Change a draft (or an open project nobody claimed)',
  tags: ['three lists: projects'],
});

export const publishProject = endpoint({
  method: 'POST',
  path: '/lists/projects/:id/publish',
  params: IdParams,
  response: ProjectDetail,
  permission: 'lists.project.write',
  summary: 'Open a draft project for claims',
  tags: ['three lists: projects'],
});

export const cancelProject = endpoint({
  method: 'POST',
  path: '/lists/projects/:id/cancel',
  params: IdParams,
  body: ReasonBody,
  response: ProjectDetail,
  permission: 'lists.project.write',
  summary: 'Cancel a project, with a reason',
  tags: ['three lists: projects'],
});

export const selfClaim = endpoint({
  method: 'POST',
  path: '/lists/projects/:id/claims',
  params: IdParams,
  body: SelfClaimBody,
  response: Claim,
  status: 201,
  permission: 'lists.project.claim',
  summary: 'Self-claim a slot (a paired unit, or a member)',
  tags: ['three lists: projects'],
});

export const assignClaim = endpoint({
  method: 'POST',
  path: '/lists/projects/:id/assignments',
  params: IdParams,
  body: AssignClaimBody,
  response: Claim,
  status: 201,
  permission: 'lists.project.write',
  summary: 'Assign the project to a unit or member (they accept or decline)',
  tags: ['three lists: projects'],
});

export const reportProgress = endpoint({
  method: 'POST',
  path: '/lists/projects/:id/milestones/:milestoneId/reports',
  params: MilestoneParams,
  body: ReportProgressBody,
  response: ProjectDetail,
  status: 201,
  permission: 'lists.project.claim',
  summary: 'Report progress on a milestone (note, photos, done)',
  tags: ['three lists: projects'],
});

export const submitProject = endpoint({
  method: 'POST',
  path: '/lists/projects/:id/submit',
  params: IdParams,
  response: ProjectDetail,
  permission: 'lists.project.claim',
  summary: 'Ask the community to sign off (every milestone done)',
  tags: ['three lists: projects'],
});

export const signOffProject = endpoint({
  method: 'POST',
  path: '/lists/projects/:id/sign-off',
  params: IdParams,
  body: SignOffBody,
  response: ProjectDetail,
  permission: 'lists.project.signoff',
  summary: 'Sign off (approve) or send back with a reason',
  tags: ['three lists: projects'],
});

export const rateProject = endpoint({
  method: 'POST',
  path: '/lists/projects/:id/ratings',
  params: IdParams,
  body: RateBody,
  response: ProjectDetail,
  permission: 'lists.project.rate',
  summary: 'Rate a completed project of one’s community',
  tags: ['three lists: projects'],
});

export const listClaims = endpoint({
  method: 'GET',
  path: '/lists/claims',
  query: ClaimsQuery,
  response: Page(Claim),
  permission: 'lists.project.claim',
  summary: 'Claims of the caller’s units (or own), pending first',
  tags: ['three lists: claims'],
});

export const acceptClaim = endpoint({
  method: 'POST',
  path: '/lists/claims/:id/accept',
  params: IdParams,
  response: Claim,
  permission: 'lists.project.claim',
  summary: 'Accept an assigned claim',
  tags: ['three lists: claims'],
});

export const declineClaim = endpoint({
  method: 'POST',
  path: '/lists/claims/:id/decline',
  params: IdParams,
  body: ReasonBody,
  response: Claim,
  permission: 'lists.project.claim',
  summary: 'Decline an assigned claim, with a reason',
  tags: ['three lists: claims'],
});

export const withdrawClaim = endpoint({
  method: 'POST',
  path: '/lists/claims/:id/withdraw',
  params: IdParams,
  body: ReasonBody,
  response: Claim,
  permission: 'lists.project.claim',
  summary: 'Withdraw a claim, with a reason (frees the slot)',
  tags: ['three lists: claims'],
});

export const getClaimRule = endpoint({
  method: 'GET',
  path: '/lists/claim-rule',
  query: ClaimRuleQuery,
  response: ClaimRuleProgress,
  permission: 'lists.project.read',
  summary: 'The yearly minimum of claimed projects and each unit’s progress',
  tags: ['three lists: yearly rule'],
});

export const setClaimRule = endpoint({
  method: 'PUT',
  path: '/lists/claim-rule',
  body: SetClaimRuleBody,
  response: ClaimRuleProgress,
  permission: 'lists.rule.manage',
  summary: 'Set the yearly minimum (supervisor)',
  tags: ['three lists: yearly rule'],
});

export const uploadFile = endpoint({
  method: 'POST',
  path: '/lists/uploads',
  body: UploadBody,
  response: Upload,
  status: 201,
  permission: 'lists.upload',
  summary: 'Upload a photo or document (base64; type checked by content)',
  tags: ['three lists: uploads'],
});

export const getUpload = endpoint({
  method: 'GET',
  path: '/lists/uploads/:id',
  params: IdParams,
  response: Binary,
  permission: 'lists.project.read',
  summary: 'The uploaded file (to those who may see its need or project)',
  tags: ['three lists: uploads'],
});

export const getUploadThumbnail = endpoint({
  method: 'GET',
  path: '/lists/uploads/:id/thumbnail',
  params: IdParams,
  response: Binary,
  permission: 'lists.project.read',
  summary: 'The image’s thumbnail (JPEG)',
  tags: ['three lists: uploads'],
});

export const communityWall = endpoint({
  method: 'GET',
  path: '/public/lists/communities/:communityId/wall',
  params: WallParams,
  query: WallQuery,
  response: Wall,
  permission: 'public',
  summary: 'A community’s published lists for the wall screen (no login, no personal data)',
  tags: ['three lists: wall screen'],
});

// The matching tools (server: modules/lists/matching.routes.ts).

export const showDictionary = endpoint({
  method: 'GET',
  path: '/lists/match-terms',
  response: MatchDictionary,
  permission: 'lists.need.read',
  summary: 'The matching dictionary',
  tags: ['three lists: matching'],
});

export const addMatchTerm = endpoint({
  method: 'POST',
  path: '/lists/match-terms',
  body: AddMatchTermBody,
  response: MatchTerm,
  status: 201,
  permission: 'lists.match.manage',
  summary: 'Add a word to a concept of the dictionary',
  tags: ['three lists: matching'],
});

export const removeMatchTerm = endpoint({
  method: 'DELETE',
  path: '/lists/match-terms/:id',
  params: IdParams,
  permission: 'lists.match.manage',
  summary: 'Remove a staff entry of the dictionary',
  tags: ['three lists: matching'],
});

export const myFeedback = endpoint({
  method: 'GET',
  path: '/lists/needs/:id/suggestion-feedback',
  params: IdParams,
  response: MyFeedbackList,
  permission: 'lists.need.write',
  summary: 'The caller’s judgements of the need’s suggestions',
  tags: ['three lists: matching'],
});

export const giveSuggestionFeedback = endpoint({
  method: 'PUT',
  path: '/lists/needs/:id/suggestions/:resourceId/feedback',
  params: FeedbackParams,
  body: SuggestionFeedbackBody,
  response: SuggestionFeedback,
  permission: 'lists.need.write',
  summary: 'Mark a suggestion useful or not',
  tags: ['three lists: matching'],
});

export const exportFeedback = endpoint({
  method: 'GET',
  path: '/lists/suggestion-feedback/export',
  response: FeedbackExport,
  permission: 'lists.match.manage',
  summary: 'Judgements of suggestions as an evaluation set',
  tags: ['three lists: matching'],
});
