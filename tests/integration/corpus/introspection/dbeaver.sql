-- Catalog queries DBeaver's PostgreSQL plugin sends (through pgjdbc) when it connects and a user opens
-- the navigator on a database and its schema "public": session state, databases, schemas, types, tables,
-- columns, constraints, indexes, views, functions, roles, written from its documented behaviour.

-- statement
-- params: []
SELECT current_schema(),session_user

-- statement
-- params: []
SHOW search_path

-- statement
-- params: []
select string_agg(word, ',') from pg_catalog.pg_get_keywords()

-- statement
-- params: ["postgres"]
SELECT db.oid,db.* FROM pg_catalog.pg_database db WHERE datallowconn AND NOT datistemplate OR db.datname=$1
ORDER BY db.datname

-- statement
-- params: []
SELECT n.oid,n.*,d.description FROM pg_catalog.pg_namespace n
LEFT OUTER JOIN pg_catalog.pg_description d ON d.objoid=n.oid AND d.objsubid=0 AND d.classoid='pg_namespace'::regclass
 ORDER BY nspname

-- statement
-- params: []
SELECT t.oid,t.*,c.relkind,format_type(nullif(t.typbasetype, 0), t.typtypmod) as base_type_name, d.description
FROM pg_catalog.pg_type t
LEFT OUTER JOIN pg_catalog.pg_type et ON et.oid=t.typelem
LEFT OUTER JOIN pg_catalog.pg_class c ON c.oid=t.typrelid
LEFT OUTER JOIN pg_catalog.pg_description d ON t.oid=d.objoid
WHERE t.typname IS NOT NULL
AND (c.relkind IS NULL OR c.relkind = 'c') AND (et.typcategory IS NULL OR et.typcategory <> 'C')

-- statement
-- params: ["2200"]
select c.oid,c.*,t.relname as tabrelname,rt.relnamespace as refnamespace,d.description, case when c.relkind='p' then pg_catalog.pg_get_partkeydef(c.oid) else null end as partition_key
from pg_catalog.pg_class c
left outer join pg_catalog.pg_inherits i on i.inhrelid=c.oid
left outer join pg_catalog.pg_class t on t.oid=c.reltoastrelid
left outer join pg_catalog.pg_class rt on rt.oid=i.inhparent
left outer join pg_catalog.pg_description d on d.objoid=c.oid and d.objsubid=0 and d.classoid='pg_class'::regclass
where c.relnamespace=$1 and c.relkind not in ('i','I','c')

-- statement
-- params: ["2200"]
select c.oid,pg_catalog.pg_total_relation_size(c.oid) as total_rel_size,pg_catalog.pg_relation_size(c.oid) as rel_size
FROM pg_class c
WHERE c.relnamespace=$1

-- statement
-- params: ["{{oid:intro_parent}}"]
select c.oid,a.*,pg_catalog.pg_get_expr(ad.adbin, ad.adrelid, true) as def_value,dsc.description,dep.objid
from pg_catalog.pg_attribute a
inner join pg_catalog.pg_class c on (a.attrelid=c.oid)
left outer join pg_catalog.pg_attrdef ad on (a.attrelid=ad.adrelid and a.attnum = ad.adnum)
left outer join pg_catalog.pg_description dsc on (c.oid=dsc.objoid and a.attnum = dsc.objsubid)
left outer join pg_depend dep on dep.refobjid = a.attrelid and dep.deptype = 'i' and dep.refobjsubid = a.attnum and dep.classid = dep.refclassid
where NOT a.attisdropped and c.relkind not in ('i','I','c') and c.oid=$1
order by a.attnum

-- statement
-- params: ["2200"]
select c.oid,c.*,t.relname as tabrelname,rt.relnamespace as refnamespace,case when c.contype='c' then substr(pg_get_constraintdef(c.oid), 7) else null end consrc_copy
from pg_catalog.pg_constraint c
inner join pg_catalog.pg_class t on t.oid=c.conrelid
left outer join pg_catalog.pg_class rt on rt.oid=c.confrelid
where t.relnamespace=$1 and c.contype<>'t'
order by c.oid

-- statement
-- params: ["2200"]
SELECT i.*,i.indkey as keys,c.relname,c.relnamespace,c.relam,c.reltablespace,tc.relname as tabrelname,dsc.description,pg_catalog.pg_get_expr(i.indpred, i.indrelid) as pred_expr,pg_catalog.pg_get_expr(i.indexprs, i.indrelid, true) as expr,pg_catalog.pg_relation_size(i.indexrelid) as index_rel_size,pg_catalog.pg_stat_get_numscans(i.indexrelid) as index_num_scans
FROM pg_catalog.pg_index i
INNER JOIN pg_catalog.pg_class c ON c.oid=i.indexrelid
INNER JOIN pg_catalog.pg_class tc ON tc.oid=i.indrelid
LEFT OUTER JOIN pg_catalog.pg_description dsc ON i.indexrelid=dsc.objoid
WHERE  c.relnamespace=$1
 ORDER BY tabrelname, c.relname

-- statement
-- params: ["{{oid:intro_parent}}"]
select c.relname,a.attname,pg_catalog.pg_get_indexdef(i.indexrelid, 0, true) as indexdef
from pg_catalog.pg_index i
join pg_catalog.pg_class c on c.oid=i.indexrelid
join pg_catalog.pg_attribute a on a.attrelid=i.indrelid and a.attnum=any(i.indkey)
where i.indrelid=$1
order by c.relname, a.attnum

-- statement
-- params: []
select pg_catalog.pg_get_viewdef({{oid:intro_view}}, true)

-- statement
-- params: ["2200"]
select p.oid,p.*,d.description
from pg_catalog.pg_proc p
left outer join pg_catalog.pg_description d on d.objoid=p.oid
where p.pronamespace=$1
 order by p.proname

-- statement
-- params: []
SELECT e.oid,e.*,n.nspname as schema_name FROM pg_catalog.pg_extension e
LEFT OUTER JOIN pg_catalog.pg_namespace n ON n.oid=e.extnamespace
ORDER BY e.oid

-- statement
-- params: []
SELECT a.oid,a.* FROM pg_catalog.pg_roles a
ORDER BY a.rolname

-- statement
-- params: []
SELECT am.oid,am.* FROM pg_catalog.pg_am am
ORDER BY am.oid

-- statement
-- params: []
SELECT t.oid,t.*,pg_catalog.pg_tablespace_location(t.oid) loc
FROM pg_catalog.pg_tablespace t
ORDER BY t.oid

-- statement
-- params: ["2200"]
select c.oid,c.relname,last_value from pg_catalog.pg_class c
join pg_catalog.pg_sequences s on s.schemaname = (select nspname from pg_catalog.pg_namespace where oid = c.relnamespace) and s.sequencename = c.relname
where c.relnamespace=$1 and c.relkind='S'
