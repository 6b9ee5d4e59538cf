-- Sessions may be cached by a server process (src/http/session-cache.ts) only if every change that can end or
-- narrow one reaches it: a session ended or cut short, a user changed or removed (deactivated, password
-- changed), a role granted or revoked. Each such change notifies channel motcua_sessions with the user's id,
-- delivered when its transaction commits; a listening process then forgets that user's cached sessions.
create function motcua_sessions_notify() returns trigger language plpgsql as $$
begin
  if tg_table_name = 'users' then
    perform pg_notify('motcua_sessions', coalesce(new.id, old.id)::text);
  else
    perform pg_notify('motcua_sessions', coalesce(new.user_id, old.user_id)::text);
  end if;
  return null;
end $$;

create function motcua_sessions_notify_all() returns trigger language plpgsql as $$
begin
  perform pg_notify('motcua_sessions', '*');
  return null;
end $$;

create trigger sessions_changed after update or delete on sessions
  for each row execute function motcua_sessions_notify();
create trigger users_changed after update or delete on users
  for each row execute function motcua_sessions_notify();
create trigger role_grants_changed after insert or update or delete on role_grants
  for each row execute function motcua_sessions_notify();
create trigger sessions_truncated after truncate on sessions
  for each statement execute function motcua_sessions_notify_all();
create trigger users_truncated after truncate on users
  for each statement execute function motcua_sessions_notify_all();
create trigger role_grants_truncated after truncate on role_grants
  for each statement execute function motcua_sessions_notify_all();
