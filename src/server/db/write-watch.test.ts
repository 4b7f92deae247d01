import { describe, expect, it } from 'vitest';
import { changesAccess, isWrite } from './write-watch';

describe('changesAccess', () => {
  it('sees writes to the tables a principal is made of', () => {
    expect(changesAccess('delete from "session" where "id_hash" = $1')).toBe(true);
    expect(changesAccess('delete from "session" where "user_id" = $1')).toBe(true);
    expect(changesAccess('update "app_user" set "status" = $1, "updated_at" = now() where "id" = $2')).toBe(true);
    expect(changesAccess('insert into "role_assignment" ("user_id", "role") values ($1, $2)')).toBe(true);
    expect(changesAccess('update "api_token" set "revoked_at" = now() where "id" = $1 and "user_id" = $2')).toBe(true);
    expect(changesAccess('update "region" set "path" = $1 where "id" = $2')).toBe(true);
    expect(changesAccess(`update session set last_seen_at = now() - interval '31 minutes'`)).toBe(true);
    expect(changesAccess(`update "session" set "last_seen_at" = now() - interval '31 minutes' where "id_hash" = $1`)).toBe(true);
  });

  it('ignores reads, other tables, and writes that change no one’s rights', () => {
    expect(changesAccess('select * from "session" as "s" inner join "app_user" as "u" on "u"."id" = "s"."user_id"')).toBe(false);
    expect(changesAccess('update "member" set "updated_at" = now() where "id" = $1')).toBe(false);
    expect(changesAccess('insert into "audit_event" ("action") values ($1)')).toBe(false);
    expect(changesAccess('update "session" set "last_seen_at" = now() where "id_hash" = $1')).toBe(false);
    expect(changesAccess('update "app_user" set "last_login_at" = now() where "id" = $1')).toBe(false);
    expect(changesAccess('update "api_token" set "last_used_at" = now() where "id" = $1')).toBe(false);
    expect(changesAccess('insert into "session" ("id_hash", "user_id") values ($1, $2)')).toBe(false);
  });
});

describe('isWrite', () => {
  it('tells plain reads from everything else', () => {
    expect(isWrite('select count(*) from "member"')).toBe(false);
    expect(isWrite('  SELECT "m"."updated_at", "m"."deleted_at" from "member" as "m"')).toBe(false);
    expect(isWrite('insert into "audit_event" ("action") values ($1)')).toBe(true);
    expect(isWrite('update "member" set "status" = $1 where "id" = $2')).toBe(true);
    expect(isWrite('with x as (delete from "member" returning id) select count(*) from x')).toBe(true);
    expect(isWrite('select "id" from "volunteer_slot" where "id" = $1 for update')).toBe(true);
  });
});
