-- Catalog queries DataGrip (JetBrains' PostgreSQL introspector, through pgjdbc) sends when it connects
-- and introspects the database and its schema "public": databases, schemas and their state numbers,
-- roles, languages, types, sequences, tables, columns, indexes, constraints, views and routines,
-- written from its documented behaviour.

-- statement
-- params: []
select version()

-- statement
-- params: []
select current_database(), current_schema(), current_schemas(false)

-- statement
-- params: []
select N.oid::bigint as id,
       datname as name,
       D.description,
       datistemplate as is_template,
       datallowconn as allow_connections,
       pg_catalog.pg_get_userbyid(N.datdba) as "owner"
from pg_catalog.pg_database N
  left join pg_catalog.pg_shdescription D on N.oid = D.objoid
order by case when datname = pg_catalog.current_database() then -1::bigint else N.oid::bigint end

-- statement
-- params: []
select N.oid::bigint as id,
       N.xmin as state_number,
       nspname as name,
       D.description,
       pg_catalog.pg_get_userbyid(N.nspowner) as "owner"
from pg_catalog.pg_namespace N
  left join pg_catalog.pg_description D on N.oid = D.objoid
order by case when nspname = pg_catalog.current_schema() then -1::bigint else N.oid::bigint end

-- statement
-- params: []
select R.oid::bigint as role_id, rolname as role_name,
  rolsuper is_super, rolinherit is_inherit,
  rolcreaterole can_createrole, rolcreatedb can_createdb,
  rolcanlogin can_login, rolreplication is_replication,
  rolconnlimit conn_limit, rolvaliduntil valid_until,
  rolbypassrls bypass_rls, rolconfig config,
  D.description
from pg_catalog.pg_roles R
  left join pg_catalog.pg_shdescription D on D.objoid = R.oid

-- statement
-- params: []
select l.oid as id, l.xmin state_number, lanname as name, lanpltrusted as trusted,
       h.proname as handler, hs.nspname as handlerSchema,
       v.proname as validator, vs.nspname as validatorSchema
from pg_catalog.pg_language l
    left join pg_catalog.pg_proc h on h.oid = lanplcallfoid
    left join pg_catalog.pg_namespace hs on hs.oid = h.pronamespace
    left join pg_catalog.pg_proc v on v.oid = lanvalidator
    left join pg_catalog.pg_namespace vs on vs.oid = v.pronamespace
order by lanname

-- statement
-- params: ["2200"]
select T.oid as type_id,
       T.xmin as type_state_number,
       T.typname as type_name,
       T.typtype as type_sub_kind,
       T.typcategory as type_category,
       T.typrelid as class_id,
       T.typbasetype as base_type_id,
       case when T.typtype in ('c','e') then null
            else pg_catalog.format_type(T.typbasetype, T.typtypmod) end as type_def,
       T.typndims as dimensions_number,
       T.typdefault as default_expression,
       T.typnotnull as mandatory,
       pg_catalog.pg_get_userbyid(T.typowner) as "owner"
from pg_catalog.pg_type T
         left outer join pg_catalog.pg_class C
             on T.typrelid = C.oid
where T.typnamespace = $1::oid
  and (T.typtype in ('d','e') or
       C.relkind = 'c'::"char" or
       (T.typtype = 'b' and (T.typelem = 0 OR T.typcategory <> 'A')) or
       T.typtype = 'p' and not T.typisdefined)
order by 1

-- statement
-- params: ["2200"]
select cls.xmin as sequence_state_number,
       sq.seqrelid as sequence_id,
       cls.relname as sequence_name,
       pg_catalog.format_type(sq.seqtypid, null) as data_type,
       sq.seqstart as start_value,
       sq.seqincrement as inc_value,
       sq.seqmin as min_value,
       sq.seqmax as max_value,
       sq.seqcache as cache_size,
       sq.seqcycle as cycle_option,
       pg_catalog.pg_get_userbyid(cls.relowner) as "owner"
from pg_catalog.pg_sequence sq
    join pg_class cls on sq.seqrelid = cls.oid
where cls.relnamespace = $1::oid

-- statement
-- params: ["2200"]
select T.relkind as table_kind,
       T.relname as table_name,
       T.oid as table_id,
       T.xmin as table_state_number,
       false as table_with_oids,
       T.reltablespace as tablespace_id,
       T.reloptions as options,
       T.relpersistence as persistence,
       (select pg_catalog.array_agg(inhparent::bigint order by inhseqno)::varchar from pg_catalog.pg_inherits where T.oid = inhrelid) as ancestors,
       (select pg_catalog.array_agg(inhrelid::bigint order by inhrelid)::varchar from pg_catalog.pg_inherits where T.oid = inhparent) as successors,
       T.relispartition as is_partition,
       pg_catalog.pg_get_partkeydef(T.oid) as partition_key,
       pg_catalog.pg_get_expr(T.relpartbound, T.oid) as partition_expression,
       T.relam am_id,
       pg_catalog.pg_get_userbyid(T.relowner) as "owner"
from pg_catalog.pg_class T
where relnamespace = $1::oid
  and relkind in ('r', 'm', 'v', 'f', 'p')
order by table_kind, table_id

-- statement
-- params: ["2200"]
with T as ( select distinct T.oid as table_id, T.relname as table_name
            from pg_catalog.pg_class T
            where T.relnamespace = $1::oid
              and T.relkind in ('r', 'm', 'v', 'f', 'p') )
select T.table_id,
       C.attnum as column_position,
       C.attname as column_name,
       C.atttypmod as type_mod,
       C.attndims as dimensions_number,
       pg_catalog.format_type(C.atttypid, C.atttypmod) as type_spec,
       C.atttypid as type_id,
       C.attnotnull as mandatory,
       pg_catalog.pg_get_expr(D.adbin, T.table_id) as column_default_expression,
       not C.attislocal as column_is_inherited,
       C.attfdwoptions as options,
       C.attisdropped as column_is_dropped,
       C.attidentity as identity_kind,
       C.attgenerated as generated
from T
  join pg_catalog.pg_attribute C on T.table_id = C.attrelid
  left join pg_catalog.pg_attrdef D on (C.attrelid, C.attnum) = (D.adrelid, D.adnum)
where attnum > 0
order by table_id, attnum

-- statement
-- params: ["2200"]
select tab.oid table_id,
       tab.relkind table_kind,
       ind_stor.relname index_name,
       ind_head.indexrelid index_id,
       ind_head.indisunique is_unique,
       ind_head.indisprimary is_primary,
       ind_head.indnullsnotdistinct nulls_not_distinct,
       pg_catalog.pg_get_expr(ind_head.indpred, ind_head.indrelid) as condition,
       (select pg_catalog.array_agg(inhparent::bigint order by inhseqno)::varchar from pg_catalog.pg_inherits where ind_stor.oid = inhrelid) as ancestors,
       ind_stor.reltablespace tablespace_id,
       opcmethod as access_method_id
from pg_catalog.pg_class tab
         join pg_catalog.pg_index ind_head
              on ind_head.indrelid = tab.oid
         join pg_catalog.pg_class ind_stor
              on tab.relnamespace = ind_stor.relnamespace and ind_stor.oid = ind_head.indexrelid
         left join pg_catalog.pg_opclass
              on pg_opclass.oid = ANY(indclass)
where tab.relnamespace = $1::oid
        and tab.relkind in ('r', 'm', 'v', 'p')
        and ind_stor.relkind in ('i', 'I')

-- statement
-- params: ["2200"]
select ind_head.indexrelid index_id,
       k col_idx,
       k <= indnkeyatts in_key,
       ind_head.indkey[k-1] column_position,
       ind_head.indoption[k-1] column_options,
       ind_head.indcollation[k-1] as collation,
       ind_head.indclass[k-1] as opclass,
       case when indexprs is null then null
            when ind_head.indkey[k-1] = 0 then chr(27) || pg_catalog.pg_get_indexdef(ind_head.indexrelid, k::int, true)
            else pg_catalog.pg_get_indexdef(ind_head.indexrelid, k::int, true)
       end as expression
from pg_catalog.pg_index ind_head
         join pg_catalog.pg_class ind_stor
              on ind_stor.oid = ind_head.indexrelid
         cross join unnest(ind_head.indkey) with ordinality u(u, k)
where ind_stor.relnamespace = $1::oid
  and ind_stor.relkind in ('i', 'I')
order by index_id, k

-- statement
-- params: ["2200"]
select T.oid table_id,
       relkind table_kind,
       C.oid::bigint con_id,
       conname con_name,
       contype con_kind,
       conkey con_columns,
       conindid index_id,
       confrelid ref_table_id,
       condeferrable is_deferrable,
       condeferred is_init_deferred,
       confupdtype on_update,
       confdeltype on_delete,
       connoinherit no_inherit,
       pg_catalog.pg_get_expr(conbin, T.oid) con_expression,
       confkey ref_columns,
       conexclop::int[] excl_operators
from pg_catalog.pg_constraint C
         join pg_catalog.pg_class T
              on C.conrelid = T.oid
where relkind in ('r', 'v', 'f', 'p')
  and relnamespace = $1::oid
  and contype in ('p', 'u', 'f', 'c', 'x')
  and connamespace = $1::oid

-- statement
-- params: ["2200"]
select T.relkind as view_kind,
       T.oid as view_id,
       pg_catalog.pg_get_viewdef(T.oid, true) as source_text
from pg_catalog.pg_class T
  join pg_catalog.pg_namespace N on T.relnamespace = N.oid
where N.oid = $1::oid
  and T.relkind in ('m','v')

-- statement
-- params: ["2200"]
select R.oid as id,
       R.xmin as state_number,
       R.proname as name,
       R.proargnames as arg_names,
       R.proargmodes as arg_modes,
       R.proallargtypes::int[] as all_arg_types,
       R.prorettype as ret_type,
       R.proretset as ret_set,
       R.prokind as kind,
       R.provolatile as volatile_kind,
       R.proisstrict as is_strict,
       R.prosecdef as is_security_definer,
       R.proconfig as configuration_parameters,
       R.procost as cost,
       pg_catalog.pg_get_userbyid(R.proowner) as "owner",
       R.prorows as rows,
       R.proleakproof as is_leakproof,
       R.proparallel as concurrency_kind,
       R.prolang as lang_id
from pg_catalog.pg_proc R
where R.pronamespace = $1::oid

-- statement
-- params: ["2200"]
select D.objoid id, C.relkind as kind, D.objsubid sub_id, D.description
from pg_catalog.pg_description D
  join pg_catalog.pg_class C on D.objoid = C.oid
where C.relnamespace = $1::oid and C.relkind != 's'

-- statement
-- params: []
select pg_catalog.pg_is_in_recovery()
