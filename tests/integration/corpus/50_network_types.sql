-- Network address types (PostgreSQL 15 docs 8.9 and 9.12): inet, cidr, macaddr, macaddr8 input, output, order, functions, operators.

-- case: net50_inet_literals
SELECT '192.168.100.128/25'::inet AS a, '192.168.1.5'::inet AS b, '10.1/16'::inet AS c, inet '010.001.0.1' AS d;

-- case: net50_inet_ipv6_forms
SELECT '::'::inet AS a, '::1'::inet AS b, '2001:DB8:0:0:1:0:0:1'::inet AS c, '1:0:0:2:0:0:0:3'::inet AS d, '2001:4f8:3:ba:2e0:81ff:fe22:d1f1/128'::inet AS e, 'fe80::1/64'::inet AS f;

-- case: net50_inet_ipv4_mapped
SELECT '::ffff:1.2.3.4'::inet AS a, '::1.2.3.4'::inet AS b, '::ffff:10.4.3.2/120'::inet AS c, '::0.0.1.2'::inet AS d;

-- case: net50_cidr_literals
SELECT '192.168.100.128/25'::cidr AS a, '192.168/24'::cidr AS b, '192.168/25'::cidr AS c, '192.168.1'::cidr AS d, '128.1'::cidr AS e, '10'::cidr AS f, '10.1.2.3/32'::cidr AS g, '2001:4f8:3:ba::/64'::cidr AS h, '::ffff:1.2.3.0/120'::cidr AS i;

-- case: net50_cidr_host_bits_error
SELECT '192.168.1.2/24'::cidr;

-- case: net50_inet_invalid_input
SELECT '10.1'::inet;

-- case: net50_inet_invalid_octet
SELECT '256.1.1.1'::inet;

-- case: net50_inet_invalid_ipv6
SELECT '1:2:3:4:5:6:7:8:9'::inet;

-- case: net50_macaddr_spellings
SELECT '08:00:2b:01:02:03'::macaddr AS a, '08-00-2b-01-02-03'::macaddr AS b, '08002b:010203'::macaddr AS c, '08002b-010203'::macaddr AS d, '0800.2b01.0203'::macaddr AS e, '0800-2b01-0203'::macaddr AS f, '08002b010203'::macaddr AS g, '08:00:2B:01:02:0A'::macaddr AS h;

-- case: net50_macaddr_invalid
SELECT '08:00:2b:01:02'::macaddr;

-- case: net50_macaddr8_spellings
SELECT '08:00:2b:01:02:03:04:05'::macaddr8 AS a, '08-00-2b-01-02-03-04-05'::macaddr8 AS b, '08002b:0102030405'::macaddr8 AS c, '08002b-0102030405'::macaddr8 AS d, '0800.2b01.0203.0405'::macaddr8 AS e, '0800-2b01-0203-0405'::macaddr8 AS f, '08002b01:02030405'::macaddr8 AS g, '08002b0102030405'::macaddr8 AS h, '08:00:2b:01:02:03'::macaddr8 AS i;

-- case: net50_macaddr8_invalid
SELECT '08:00:2b:01:02:03:04'::macaddr8;

-- case: net50_text_casts
SELECT '192.168.1.5'::inet::text AS a, '10.0.0.0/8'::cidr::text AS b, '::1'::inet::text AS c, '08:00:2b:01:02:03'::macaddr::text AS d, text(inet '10.1.2.3') AS e, '192.168.1.5/24'::inet::varchar AS f;

-- case: net50_inet_cidr_casts
SELECT '192.168.1.5/24'::inet::cidr AS a, '10.0.0.0/8'::cidr::inet AS b, '192.168.1.5'::inet::cidr AS c, '2001:db8::1/32'::inet::cidr AS d;

-- case: net50_function_style_casts
SELECT inet('192.168.1.5/24') AS a, cidr(inet '10.1.2.3/8') AS b, macaddr8(macaddr '08:00:2b:01:02:03') AS c, macaddr(macaddr8 '08:00:2b:ff:fe:01:02:03') AS d, cidr('10.1') AS e;

-- case: net50_macaddr_macaddr8_casts
SELECT '08:00:2b:01:02:03'::macaddr::macaddr8 AS a, '08:00:2b:ff:fe:01:02:03'::macaddr8::macaddr AS b;

-- case: net50_macaddr8_to_macaddr_error
SELECT '08:00:2b:01:02:03:04:05'::macaddr8::macaddr;

-- case: net50_column_storage_and_order
CREATE TABLE dt_net50_hosts (id int, addr inet, net cidr, mac macaddr, mac8 macaddr8);
INSERT INTO dt_net50_hosts VALUES (1, '192.168.1.5/24', '192.168.1.0/24', '08:00:2b:01:02:03', '08:00:2b:01:02:03:04:05'), (2, '10.0.0.1', '10.0.0.0/8', '08:00:2b:01:02:04', '08:00:2b:01:02:03:04:06'), (3, '::1', '::/0', 'ff:ff:ff:ff:ff:ff', '00:00:00:00:00:00:00:01'), (4, '10.0.0.0/16', '10.0.0.0/16', '00:00:00:00:00:01', NULL), (5, NULL, NULL, NULL, NULL);
SELECT id, addr, net, mac, mac8 FROM dt_net50_hosts ORDER BY addr, id;
SELECT id FROM dt_net50_hosts ORDER BY net DESC NULLS LAST, id;
SELECT id, mac FROM dt_net50_hosts ORDER BY mac, id;
SELECT id, mac8 FROM dt_net50_hosts ORDER BY mac8 NULLS FIRST, id;
-- cleanup
DROP TABLE IF EXISTS dt_net50_hosts;

-- case: net50_network_order_rules
SELECT a FROM unnest(ARRAY['10.0.0.5/16'::inet, '10.0.0.0', '10.0.0.0/8', '0.0.0.0/0', '10.1.2.3/16', '10.1.2.0/24', '::1', '::/0', '10.0.0.1', '2001:db8::/32', '192.168.1.1']) AS t(a) ORDER BY a;

-- case: net50_compare_with_literal
CREATE TABLE dt_net50_cmp (addr inet, mac macaddr);
INSERT INTO dt_net50_cmp VALUES ('10.0.0.1', '08:00:2b:01:02:03'), ('10.0.0.2', '08:00:2b:01:02:04'), ('192.168.0.1', '08:00:2b:01:02:05');
SELECT addr FROM dt_net50_cmp WHERE addr = '10.0.0.1';
SELECT addr FROM dt_net50_cmp WHERE addr > '10.0.0.1' ORDER BY addr;
SELECT addr FROM dt_net50_cmp WHERE mac = '08002b010204';
SELECT addr FROM dt_net50_cmp WHERE addr IN ('10.0.0.2', '192.168.0.1') ORDER BY addr;
-- cleanup
DROP TABLE IF EXISTS dt_net50_cmp;

-- case: net50_group_by_distinct_minmax
CREATE TABLE dt_net50_log (client inet, bytes int);
INSERT INTO dt_net50_log VALUES ('10.0.0.1', 100), ('10.0.0.2', 50), ('10.0.0.1', 25), ('::1', 10), ('10.0.0.1/32', 5), ('10.0.0.2/24', 1);
SELECT client, count(*), sum(bytes) FROM dt_net50_log GROUP BY client ORDER BY client;
SELECT DISTINCT client FROM dt_net50_log ORDER BY client;
SELECT min(client), max(client), count(DISTINCT client) FROM dt_net50_log;
-- cleanup
DROP TABLE IF EXISTS dt_net50_log;

-- case: net50_join_and_unique
CREATE TABLE dt_net50_devices (mac macaddr UNIQUE, name text);
CREATE TABLE dt_net50_leases (mac macaddr, addr inet);
INSERT INTO dt_net50_devices VALUES ('08:00:2b:01:02:03', 'printer'), ('08:00:2b:01:02:04', 'laptop');
INSERT INTO dt_net50_leases VALUES ('08-00-2b-01-02-03', '10.0.0.7'), ('08002b010204', '10.0.0.8'), ('08:00:2b:01:02:05', '10.0.0.9');
SELECT d.name, l.addr FROM dt_net50_devices d JOIN dt_net50_leases l ON d.mac = l.mac ORDER BY d.name;
INSERT INTO dt_net50_devices VALUES ('08002b010203', 'duplicate');
-- cleanup
DROP TABLE IF EXISTS dt_net50_leases;
DROP TABLE IF EXISTS dt_net50_devices;

-- case: net50_inet_functions
SELECT abbrev(inet '10.1.0.0/16') AS a, abbrev(cidr '10.1.0.0/16') AS b, broadcast(inet '192.168.1.5/24') AS c, family(inet '::1') AS d, family(inet '10.0.0.1') AS e, host(inet '192.168.1.0/24') AS f, hostmask(inet '192.168.23.20/30') AS g, masklen(inet '192.168.1.5/24') AS h, netmask(inet '192.168.1.5/24') AS i, network(inet '192.168.1.5/24') AS j;

-- case: net50_inet_functions_ipv6
SELECT abbrev(cidr '2001:db8::/32') AS a, broadcast(inet '2001:db8::1/64') AS b, host(inet '2001:db8::1/64') AS c, hostmask(inet '2001:db8::1/64') AS d, netmask(inet '2001:db8::1/64') AS e, network(inet '2001:db8::1/64') AS f, masklen(cidr '::/0') AS g;

-- case: net50_set_masklen_merge_family
SELECT set_masklen(inet '192.168.1.5/24', 16) AS a, set_masklen(cidr '192.168.1.0/24', 16) AS b, set_masklen(inet '10.0.0.1', -1) AS c, inet_merge(inet '192.168.1.5/24', inet '192.168.2.5/24') AS d, inet_same_family(inet '192.168.1.5/24', inet '::1') AS e, inet_same_family(inet '10.0.0.1', inet '10.0.0.2/8') AS f;

-- case: net50_set_masklen_error
SELECT set_masklen(inet '192.168.1.5', 33);

-- case: net50_inet_merge_error
SELECT inet_merge(inet '192.168.1.5', inet '::1');

-- case: net50_macaddr_functions
SELECT trunc(macaddr '12:34:56:78:90:ab') AS a, trunc(macaddr8 '12:34:56:78:90:ab:cd:ef') AS b, macaddr8_set7bit(macaddr8 '00:34:56:ab:cd:ef') AS c;

-- case: net50_containment_operators
SELECT inet '192.168.1.5' << inet '192.168.1/24' AS a, inet '192.168.1/24' <<= inet '192.168.1/24' AS b, inet '192.168.1/24' >> inet '192.168.1.5' AS c, inet '192.168.1/24' >>= inet '192.168.1/24' AS d, inet '192.168.1/24' && inet '192.168.1.80/28' AS e, inet '192.168.1/24' && inet '10.0.0.0/8' AS f, inet '::1' << inet '0.0.0.0/0' AS g;

-- case: net50_containment_columns
CREATE TABLE dt_net50_nets (id int, net cidr);
CREATE TABLE dt_net50_addrs (addr inet);
INSERT INTO dt_net50_nets VALUES (1, '10.0.0.0/8'), (2, '10.1.0.0/16'), (3, '192.168.0.0/16'), (4, '2001:db8::/32');
INSERT INTO dt_net50_addrs VALUES ('10.1.2.3'), ('10.2.0.1'), ('192.168.5.5'), ('2001:db8::7'), ('172.16.0.1');
SELECT a.addr, n.id FROM dt_net50_addrs a JOIN dt_net50_nets n ON a.addr << n.net ORDER BY a.addr, n.id;
SELECT id FROM dt_net50_nets WHERE net >>= '10.1.2.3' ORDER BY id;
SELECT addr FROM dt_net50_addrs WHERE addr <<= '10.0.0.0/8' ORDER BY addr;
SELECT n1.id, n2.id FROM dt_net50_nets n1, dt_net50_nets n2 WHERE n1.id < n2.id AND n1.net && n2.net ORDER BY 1, 2;
-- cleanup
DROP TABLE IF EXISTS dt_net50_addrs;
DROP TABLE IF EXISTS dt_net50_nets;

-- case: net50_bitwise_operators
SELECT ~ inet '192.168.1.6' AS a, inet '192.168.1.6' & inet '0.0.0.255' AS b, inet '192.168.1.6' | inet '0.0.0.255' AS c, ~ macaddr '08:00:2b:01:02:03' AS d, macaddr '08:00:2b:01:02:03' & macaddr 'ff:ff:ff:00:00:00' AS e, macaddr '08:00:2b:01:02:03' | macaddr '00:00:00:ff:ff:ff' AS f, ~ inet '::1' AS g;

-- case: net50_bitwise_family_error
SELECT inet '192.168.1.6' & inet '::1';

-- case: net50_arithmetic_operators
SELECT inet '192.168.1.6' + 25 AS a, 200 + inet '192.168.1.6' AS b, inet '192.168.1.43' - 36 AS c, inet '192.168.1.43' - inet '192.168.1.19' AS d, inet '::1' + 65536 AS e, inet '10.0.0.0/8' - 1 AS f, inet '10.0.0.1' - inet '10.0.0.9' AS g;

-- case: net50_arithmetic_overflow
SELECT inet '255.255.255.255' + 1;

-- case: net50_arithmetic_columns
CREATE TABLE dt_net50_pool (first_addr inet, last_addr inet);
INSERT INTO dt_net50_pool VALUES ('10.0.0.10', '10.0.0.50'), ('192.168.1.1', '192.168.1.254');
SELECT first_addr + 1, last_addr - first_addr, last_addr - 10, ~first_addr FROM dt_net50_pool ORDER BY first_addr;
-- cleanup
DROP TABLE IF EXISTS dt_net50_pool;

-- case: net50_arrays
SELECT ARRAY['192.168.1.5'::inet, '::1', '10.0.0.0/8'] AS a, '{10.0.0.0/8,192.168.0.0/16}'::cidr[] AS b, '{08:00:2b:01:02:03,08002b010204}'::macaddr[] AS c, '{08:00:2b:01:02:03:04:05}'::macaddr8[] AS d;

-- case: net50_array_column
CREATE TABLE dt_net50_acl (id int, allowed inet[]);
INSERT INTO dt_net50_acl VALUES (1, '{10.0.0.1,10.0.0.2}'), (2, ARRAY['::1'::inet]), (3, '{}');
SELECT id, allowed FROM dt_net50_acl ORDER BY id;
SELECT id FROM dt_net50_acl WHERE '10.0.0.2'::inet = ANY(allowed) ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_net50_acl;

-- case: net50_nulls
SELECT NULL::inet AS a, NULL::cidr AS b, NULL::macaddr AS c, NULL::macaddr8 AS d, host(NULL::inet) AS e, masklen(NULL::cidr) AS f, inet '10.0.0.1' << NULL::cidr AS g;

-- case: net50_update_and_returning
CREATE TABLE dt_net50_iface (name text, addr inet, mac macaddr);
INSERT INTO dt_net50_iface VALUES ('eth0', '10.0.0.1/24', '08:00:2b:01:02:03') RETURNING addr, mac;
UPDATE dt_net50_iface SET addr = set_masklen(addr, 16), mac = '08-00-2b-aa-bb-cc' WHERE name = 'eth0' RETURNING addr, mac, network(addr);
SELECT name, addr, mac FROM dt_net50_iface;
-- cleanup
DROP TABLE IF EXISTS dt_net50_iface;

-- case: net50_invalid_column_input
CREATE TABLE dt_net50_bad (addr inet);
INSERT INTO dt_net50_bad VALUES ('not an address');
SELECT count(*) FROM dt_net50_bad;
-- cleanup
DROP TABLE IF EXISTS dt_net50_bad;

-- case: net50_copy_to_stdout
CREATE TABLE dt_net50_copy (addr inet, net cidr, mac macaddr);
INSERT INTO dt_net50_copy VALUES ('10.0.0.1', '10.0.0.0/8', '08:00:2b:01:02:03'), (NULL, '::/0', NULL);
COPY dt_net50_copy TO STDOUT;
-- cleanup
DROP TABLE IF EXISTS dt_net50_copy;
