-- Generated customers for the search benchmark: :n customers with realistic Chinese names,
-- addresses in a few dozen districts, mobile and landline numbers. Deterministic (setseed).
SELECT setseed(0.42);
INSERT INTO customer.area (name)
SELECT d FROM unnest(ARRAY['中正區','大同區','中山區','松山區','大安區','萬華區','信義區','士林區','北投區','內湖區',
                           '南港區','文山區','板橋區','三重區','中和區','永和區','新莊區','新店區','土城區','蘆洲區',
                           '汐止區','樹林區','鶯歌區','三峽區','淡水區','桃園區','中壢區','平鎮區','八德區','楊梅區']) d
ON CONFLICT DO NOTHING;
WITH words AS (
    SELECT ARRAY['美味','幸福','好運','大同','永和','金龍','鴻福','阿明','老王','新光','大發','福興','順成','長春','信義',
                 '和平','建國','民生','光復','中興','榮發','德昌','萬福','吉祥','興隆','富貴','平安','協和','正豐','義美'] AS a,
           ARRAY['小吃','餐廳','麵店','工廠','商行','早餐店','火鍋','自助餐','便當','快炒','牛肉麵','滷味','冰店','豆花',
                 '五金行','洗衣店','髮廊','診所','幼兒園','宮廟','家','公寓','大樓','旅社','烘焙坊','茶行','米店','小館'] AS b,
           ARRAY['中正路','中山路','民生路','民權路','復興路','建國路','和平東路','信義路','忠孝東路','仁愛路','光復路',
                 '文化路','中華路','成功路','自由路','大同路','永和路','四維路','八德路','南京東路'] AS r,
           ARRAY['中正區','大同區','中山區','松山區','大安區','萬華區','信義區','士林區','北投區','內湖區',
                 '南港區','文山區','板橋區','三重區','中和區','永和區','新莊區','新店區','土城區','蘆洲區',
                 '汐止區','樹林區','鶯歌區','三峽區','淡水區','桃園區','中壢區','平鎮區','八德區','楊梅區'] AS d,
           ARRAY['餐廳','住家','工廠','商店'] AS t
)
INSERT INTO customer.customer (code, short_name, invoice_title, address, area, phones, customer_type, latitude, longitude)
SELECT (1000 + i)::text,
       w.a[1 + (random() * 29)::int] || w.b[1 + (random() * 27)::int],
       CASE WHEN i % 3 = 0 THEN w.a[1 + (random() * 29)::int] || '企業有限公司' END,
       CASE WHEN i % 2 = 0 THEN '臺北市' ELSE '新北市' END || w.d[1 + i % 30] || w.r[1 + (random() * 19)::int]
           || (1 + (random() * 300)::int) || '號',
       w.d[1 + i % 30],
       ARRAY['09' || lpad(((random() * 99999999)::bigint)::text, 8, '0')]
           || CASE WHEN i % 4 = 0 THEN ARRAY['02' || lpad(((20000000 + random() * 9999999)::bigint)::text, 8, '0')]
                   ELSE ARRAY[]::text[] END,
       w.t[1 + i % 4],
       CASE WHEN i % 5 <> 0 THEN 24.9 + random() * 0.2 END,
       CASE WHEN i % 5 <> 0 THEN 121.4 + random() * 0.2 END
FROM generate_series(:first, :last) AS i, words AS w
ON CONFLICT (code) DO NOTHING;
ANALYZE customer.customer;
