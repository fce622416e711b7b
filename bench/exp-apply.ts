import { PGlite } from "@electric-sql/pglite";
const N = Number(process.argv[2] ?? 200000);
const pg = new PGlite();
async function t(label: string, f: () => Promise<unknown>) {
  const c = process.cpuUsage(); const s = performance.now();
  await f();
  const u = process.cpuUsage(c);
  console.log(label.padEnd(45), "wall", ((performance.now() - s) / 1000).toFixed(2), "cpu", ((u.user + u.system) / 1e6).toFixed(2));
}
await pg.exec(`create unlogged table st (job_id int, row_number int, indicator_id int, version_id int, school_id int, municipality_id int, year int, value float8);
create index st_job on st(job_id);
create table v (id bigserial primary key, indicator_id int not null, version_id int not null, school_id int, municipality_id int, year int not null, value float8 not null, source text not null, source_ref text, entered_by int, entered_at timestamptz not null default now());
create unique index v_s on v(indicator_id, year, school_id) where school_id is not null;
create unique index v_m on v(indicator_id, year, municipality_id) where municipality_id is not null;
create index v_sy on v(school_id, year);
create table h (id bigserial primary key, value_id bigint, indicator_id int, school_id int, municipality_id int, year int, old_value float8, new_value float8, source text not null, source_ref text, reason text, changed_by int, changed_at timestamptz not null default now());
create index h_v on h(value_id); create index h_sy on h(school_id, year);`);
const lines: string[] = [];
for (let n = 0; n < N; n++) lines.push(`1\t${n}\t${n % 20}\t1\t${Math.floor(n / 20) % 10000}\t\\N\t${2020 + Math.floor(n / 200000)}\t${(n % 100) / 100}`);
await pg.query("copy st from '/dev/blob'", [], { blob: new Blob([`${lines.join("\n")}\n`]) });
await pg.exec("analyze st");
const cur = `with s as (select indicator_id, version_id, school_id, year, value from st where job_id = 1 and school_id is not null),
 old as (select v.id, v.value from s join v on v.indicator_id = s.indicator_id and v.school_id = s.school_id and v.year = s.year),
 up as (insert into v (indicator_id, version_id, school_id, year, value, source, source_ref, entered_by)
   select indicator_id, version_id, school_id, year, value, 'import', 'j', null from s
   on conflict (indicator_id, school_id, year) where school_id is not null do update set value = excluded.value
   where v.value is distinct from excluded.value returning id, value),
 hist as (insert into h (value_id, old_value, new_value, source, source_ref, changed_by) select up.id, old.value, up.value, 'import', 'j', null from up left join old on old.id = up.id returning old_value)
 select count(*) from hist`;
await t("current (all new)", () => pg.exec(cur));
await t("analyze", () => pg.exec("analyze v"));
await t("current again (all equal)", () => pg.exec(cur));
await pg.exec("truncate v; truncate h");
await t("only insert part (no old, no history)", () => pg.exec(`insert into v (indicator_id, version_id, school_id, year, value, source, source_ref, entered_by)
   select indicator_id, version_id, school_id, year, value, 'import', 'j', null from st where job_id=1`));
await pg.exec("truncate v; truncate h");
await t("insert + history no old", () => pg.exec(`with up as (insert into v (indicator_id, version_id, school_id, year, value, source, source_ref, entered_by)
   select indicator_id, version_id, school_id, year, value, 'import', 'j', null from st where job_id=1 returning id, value)
   insert into h (value_id, old_value, new_value, source, source_ref, changed_by) select id, null, value, 'import', 'j', null from up`));
await pg.exec("truncate v; truncate h");
await pg.exec("drop index v_sy");
await t("insert only, no school_year idx", () => pg.exec(`insert into v (indicator_id, version_id, school_id, year, value, source, source_ref, entered_by)
   select indicator_id, version_id, school_id, year, value, 'import', 'j', null from st where job_id=1`));
await pg.exec("truncate v; truncate h");
await pg.exec("create index v_sy on v(school_id, year, indicator_id)");
await t("insert only, school_year_ind idx", () => pg.exec(`insert into v (indicator_id, version_id, school_id, year, value, source, source_ref, entered_by)
   select indicator_id, version_id, school_id, year, value, 'import', 'j', null from st where job_id=1`));
await t("history only insert 200k", () => pg.exec(`insert into h (value_id, old_value, new_value, source, source_ref, changed_by) select id, null, value, 'import', 'j', null from v`));
await pg.exec("truncate h; drop index h_sy; create index h_sy on h(school_id, year) where school_id is not null");
await t("history only insert 200k, partial h_sy", () => pg.exec(`insert into h (value_id, old_value, new_value, source, source_ref, changed_by) select id, null, value, 'import', 'j', null from v`));
await pg.exec("truncate h; drop index h_sy;");
await t("history only insert 200k, no h_sy", () => pg.exec(`insert into h (value_id, old_value, new_value, source, source_ref, changed_by) select id, null, value, 'import', 'j', null from v`));
await pg.exec("truncate h; drop index h_v;");
await t("history only insert 200k, pk only", () => pg.exec(`insert into h (value_id, old_value, new_value, source, source_ref, changed_by) select id, null, value, 'import', 'j', null from v`));
