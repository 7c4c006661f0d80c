// Hand-made alias table for GB/T 4754-2017 industries: the words people type into a CRM industry field, and the
// English industry picklists of Salesforce / HubSpot / Zoho, mapped to the most specific code the word justifies.
// Seeded from shared/standards/NOTES.md §2.4; every code was checked against src/normalize/tables/gb4754-2017-amd1.csv.
//
// Format, one entry per line:   alias, alias, ... => CODE [CODE ...]   # note
// - CODE is the section letter plus the table digits ('I64', 'C3612') or a bare section letter ('C').
// - Several codes are alternatives: the word can mean any of them. They resolve to their closest common ancestor
//   ('游戏' => I6422 I6572 resolves to I) or, when they share none, to `ambiguous_industry` ('芯片' is chip design in
//   I or chip making in C). Context can pick one alternative: in '金融/投资/证券' the J reading of 投资 wins.
// - Aliases are matched after the same folding as the official names (NFKC, lower case, no spaces or punctuation,
//   trailing 行业/业/公司/服务... dropped), so '餐饮行业' and '餐饮服务' need no entry of their own.
// - An alias may also occur inside longer text ('IT/互联网', '汽车制造'), so only words whose meaning does not
//   depend on what follows are listed; 2-character words that are often modifiers ('网络', '科技', '数据') are not.

export const INDUSTRY_ALIAS_TABLE = String.raw`
# A 农、林、牧、渔业
农林牧渔, 农林牧副渔, 大农业, agriculture, agribusiness => A
种植, 种植业, 农作物种植, farming => A01
花卉, 花卉种植, 苗木花卉 => A0143
养殖, 养殖业 => A03 A041                     # livestock or fish farming
林业, forestry => A02
渔业, fishery, fisheries, fishing => A04
水产养殖 => A041

# B 采矿业
采矿, 矿业, 矿山, 矿产, 采掘, mining => B
煤炭, 煤矿, 煤炭开采, coal, coal mining => B06
油气开采 => B07
石油 => B07 C251 F5162                       # extraction, refining or trade
天然气 => B072 D45
有色金属 => B09 C32
mining and metals, mining metals => B C31 C32

# C 制造业
制造, 制造企业, 加工制造, 生产制造, 工厂, 实业, manufacturing, manufacturer, manufacturers => C
工业, industrial => B C D                    # 工业 in Chinese statistics = B + C + D
机械, 机械制造, 机械设备, 装备制造, 重工, 机械加工, machinery, industrial machinery, mechanical or industrial engineering => C
机器人 => C3491 C3964
汽车, 汽车制造, 汽车工业, 汽车行业, automotive, automobile, automobiles, auto manufacturing => C36
整车, 整车制造 => C361
新能源汽车, 新能源车, 电动汽车 => C3612
汽车零部件, 汽车配件, 汽配, 汽车零配件, auto parts => C367
汽车及零配件, 汽车及零部件, 汽车及配件 => C36
摩托车 => C375
化工, 化工行业, 化学工业, 化工原料, chemicals, chemical, chemical industry => C26
精细化工 => C266
石化, 石油化工, petrochemical, petrochemicals => C25 C26
医药, 制药, 药企, 医药制造, 制药企业, pharmaceuticals, pharmaceutical, pharma => C27
生物医药, 生物制药 => C276
原料药 => C271
疫苗 => C2762
医疗器械, 医疗设备, 医疗器械制造, medical devices, medical device, medical equipment => C358
电子, 电子制造, 电子产品, 消费电子, 电子设备, electronics, consumer electronics, electrical electronic manufacturing => C39
半导体, semiconductor, semiconductors => C397
芯片, 集成电路 => C3973 I6520              # design (I) or making (C)
芯片制造, 晶圆, 晶圆制造 => C3973
芯片设计, ic设计 => I6520
计算机硬件, 电脑硬件, computer hardware => C391
通信设备, 通讯设备, 网络设备, telecommunications equipment => C392
家电, 家用电器, 白色家电, home appliances => C385
电气, 电气设备, 电气机械, 电工电气, electrical equipment => C38
电池, 动力电池 => C384
锂电, 锂电池 => C3841
光伏, 太阳能光伏 => C3825
solar => C3825 D4416
线缆, 电线电缆, 电缆 => C383
照明, 灯具, lighting => C387
仪器仪表, 仪表, instruments => C40
工业自动化, industrial automation => C4011
钢铁, 钢铁行业, steel => C31
冶金, 冶炼, metallurgy => C31 C32
五金 => C33 F5174
建材, building materials => C30 F5165
水泥, cement => C301
玻璃, glass => C304 C305
陶瓷, ceramics => C307
glass ceramics and concrete => C30
纺织, 纺织品, textile, textiles => C17
服装, 服饰, 服装服饰, 服装鞋帽, 成衣, apparel, apparel and fashion, garments, garment, clothing, fashion => C18
鞋, 鞋业, 制鞋, footwear, shoes => C195
皮革, 皮具, leather => C19
家具, 家具制造, furniture => C21
木材, 木业, wood => C20
纸业, 纸制品, paper, paper and forest products => C22
包装, packaging, packaging and containers => C223 C2926 C333 L7292
塑料, 塑胶, 塑料制品, plastics => C292
橡胶, 橡胶制品, rubber => C291
玩具, toys => C245
工艺品, 工艺美术 => C243
珠宝, 首饰, 珠宝首饰, luxury goods and jewelry, jewelry, jewellery => C2438 F5245
化妆品, 美妆, cosmetics => C2682 F5234 F5134
日化, 日用化学品 => C268
食品, 食品制造, 食品工业, 食品企业, food production => C14
食品加工, 农副食品加工 => C13 C14
食品饮料, food and beverage, food and beverages, food beverage, f&b => C14 C15
快消, 快消品, 快速消费品, fmcg, consumer goods, consumer products => C F
饮料, 饮品, beverages, beverage => C152
酒业, 酒类, 酒水, wine and spirits => C151
白酒 => C1512
啤酒, brewery, breweries => C1513
葡萄酒, 红酒, winery => C1515
乳业, 乳品, 奶业, dairy => C144
烟草, tobacco => C16
印刷, printing => C231
模具 => C3525
环保设备 => C3591
船舶制造, 造船, shipbuilding => C373
船舶 => C373 G55
航空制造, aviation and aerospace, aerospace, defense and space => C374
航空航天 => C374 G56

# D 电力、热力、燃气及水生产和供应业
电力, 电力行业, 电力能源, power => D44
发电, 电厂, 发电厂 => D441
电网, 供电, 电力供应 => D4420
燃气, 城市燃气 => D45
水务, 供水, 自来水, 自来水厂, water supply => D4610
热力, 供热, 供暖, 集中供热 => D4430
公用事业, utilities, utility => D
能源, energy, oil and energy => B C25 D
新能源, renewables and environment, renewable energy, renewables => C3612 C3825 D4415 D4416

# E 建筑业
建筑, 建筑工程, 建筑施工, 施工, 工程施工, 工程, 基建, 建工, 工程建设, construction, building construction => E
房建, 房屋建筑 => E47
土木工程 => E48
路桥, 道路桥梁, 公路工程, 桥梁工程 => E481
市政工程, 市政建设 => E48
水利工程 => E482
电力工程 => E487
安装工程, 设备安装 => E49
装修, 装饰, 装潢, 装饰装修, 装修装饰, 建筑装饰, 装饰工程, 装修工程, 室内装修, 工装 => E501
家装, 家庭装修, 住宅装修 => E5012
幕墙 => E5013
civil engineering => E48

# F 批发和零售业
批发零售, 商业零售, 批零 => F
批发, 批发业, 批发商 => F51
贸易, 商贸, 外贸, 内贸, 进出口, 进出口贸易, 国际贸易, 贸易公司, 对外贸易, trade, trading, import and export, import export, international trade and development, wholesale => F51
零售, 零售业, retail, retailer, retailers, retail trade => F52
销售, 商品销售, 经销, 分销, distribution, distributor, sales => F
电商, 电子商务, 跨境电商, ecommerce, e commerce, electronic commerce => F5292 F5193
网店, 网络零售, 网上商店, 淘宝店, 网络销售, 直播带货, online retail => F5292
b2b电商, 网络批发 => F5193
超市, 超级市场, supermarket, supermarkets, grocery => F5212
便利店, convenience store, convenience stores => F5213
百货, 百货商店, 百货公司, department store, department stores => F5211
商超 => F521
汽车销售, 汽车经销, 汽车贸易, 4s店, 汽车4s店, 汽车经销商, car dealership, auto dealers => F5261
二手车, 二手车交易 => F5262
药店, 药房, 连锁药店, 大药房, 医药零售, pharmacy, pharmacies, drugstore => F525
医药流通, 医药批发, 医药商业, 医药贸易 => F515
加油站, gas station, gas stations => F5265
充电桩运营 => F5267

# G 交通运输、仓储和邮政业
物流, 现代物流, 物流运输, 物流仓储, 运输物流, 交通运输, 运输, 交通, logistics, transportation, transport, transportation trucking railroad, logistics and supply chain, shipping, freight, package freight delivery, trucking => G
快递, 速递, 快运, 快递物流, express delivery, courier => G6020
仓储, 仓库, 仓储服务, 仓储物流, warehousing, warehouse => G59
冷链, 冷链物流 => G593 G5432
货运 => G5320 G543 G552 G5612
公路运输, 道路运输, 公路货运 => G54
铁路 => G53 C371 E4811
铁路运输 => G53
航空 => G56 C374
航空公司, 航空运输, airline, airlines, airlines aviation, aviation => G56
机场 => G5631
航运, 海运, 水运, 水路运输, maritime => G55
港口, 码头 => G553
货代, 货运代理, 国际货代, 物流代理, freight forwarding => G5821
公交, 公交公司, 公共交通 => G541
出租车, 网约车 => G5413
邮政, postal => G60

# H 住宿和餐饮业
餐饮, 餐饮服务, 餐饮管理, 餐饮连锁, 餐厅, 餐馆, 饭馆, 酒楼, 火锅, 中餐, 西餐, restaurant, restaurants, food service, food services, catering => H62
饭店 => H61 H62
酒店, 宾馆, 旅馆, 酒店业, 酒店住宿, hotel, hotels, lodging => H61
经济型酒店, 连锁酒店 => H6121
民宿 => H6130
快餐 => H6220
咖啡, 咖啡馆, 咖啡厅, 咖啡店, coffee, cafe => H6232
茶馆 => H6231
酒吧 => H6233
奶茶, 茶饮, 新茶饮, 饮品店 => H6239
外卖, 外卖送餐 => H624
团餐, 餐饮配送 => H6241
小吃 => H6291
住宿餐饮, 酒店餐饮, hospitality => H

# I 信息传输、软件和信息技术服务业
it, ict, 信息技术, 信息产业, 信息通信, information technology => I
it服务, 信息技术服务, 信息化, 信息化服务, it外包, 软件信息, information technology and services, it services, it service, it and services, 计算机服务 => I65
人工智能 => I65
互联网, 互联网服务, 移动互联网, 互联网公司, 互联网行业, 互联网企业, internet, internet services, online services => I64
互联网平台, 平台 => I643
电商平台, 电子商务平台, 生活服务平台, 本地生活 => I643
软件, 软件开发, 软件服务, 软件公司, 软件企业, 软件外包, 计算机软件, saas, software, computer software, software development, enterprise software => I651
应用软件, app开发, 移动应用开发, application software => I6513
系统集成, 信息系统集成, system integration, systems integrator => I6531
物联网, iot, internet of things => I6532
运维, it运维 => I6540
云计算, 云服务, 大数据, 云存储, cloud computing, cloud, big data => I6450
idc, 数据中心, data center, data centers => I6450 I6550
数据处理, 数据标注 => I6550
it咨询, 信息技术咨询, it consulting => I6560
信息安全, 网络安全, cybersecurity, computer and network security, information security => I6440
游戏, 游戏开发, video games, gaming, computer games, games => I6422 I6572
网络游戏, 网游, 手游, 页游, 手机游戏, online games, mobile games => I6422
动漫 => I6572 R873
电信, 电信运营商, 运营商, 通信运营商, 电信运营, 通信运营, 通信服务, 电信服务, telecom, telecoms, telecommunication, telecommunications, telecommunication services, wireless => I631
通信, 通讯, communications, communication => C392 I631
广电 => I632 R87
搜索引擎 => I6421
呼叫中心, 客服外包, call center => I6591
科技, technology, tech, high tech, hightech => I M         # too vague to pick a section

# J 金融业
金融, 金融服务, 金融机构, 金融行业, finance, financial, financial services, finance and banking, banking and finance, banking finance, fintech => J
银行, 银行业, bank, banks, banking => J662
商业银行, 农商行, 农村商业银行, 城商行, 城市商业银行, 股份制银行, commercial banking => J6621
政策性银行 => J6622
信用社, 农村信用社, 信用合作社 => J6623
保险, 保险公司, 保险业, 保险行业, insurance => J68
寿险 => J6811
财险 => J682
保险代理, 保险经纪, 保险中介 => J685
证券 => J671
证券公司, 券商 => J6712
基金, 基金公司 => J67
公募基金 => J6720
私募, 私募基金, 私募股权, 私募股权基金, venture capital and private equity, private equity => J673
创投, 风投, 风险投资, 创业投资, venture capital => J6731
资本市场, capital markets, investment banking => J67
投资, 投资公司, 投资管理, 资产管理, 投资理财, investment, investment management, asset management => J67 J676 L7212
期货, 期货公司 => J674
信托, 信托公司, trust company => J6911
融资租赁, 金融租赁, leasing => J6631
财务公司 => J6632
典当, 典当行 => J6633
小贷, 小额贷款, 小贷公司, 小额贷款公司 => J6635
消费金融 => J6636
p2p, 网贷, 网络借贷, 互联网借贷 => J6637
支付, 第三方支付, payments, payment => J6930
金融信息 => J6940
控股, 控股公司, 投资控股, holding company => J6920

# K 房地产业
房地产, 地产, 房产, 不动产, real estate, commercial real estate, realestate, property => K70
房地产开发, 地产开发, 开发商, 房地产开发商, 房产开发, real estate development => K7010
物业, 物业管理, 物业服务, 物管, property management => K7020
房产中介, 房屋中介, 地产中介, 房地产中介, 房地产经纪, 房产经纪, 房屋经纪, real estate agency, real estate brokerage => K7030
长租公寓, 房屋租赁, 房产租赁 => K7040

# L 租赁和商务服务业
租赁, rental, rentals => L71
汽车租赁, 租车 => L7111
设备租赁, 机械租赁 => L711
商务服务, 商务, 专业服务, 公关, 公共关系, professional services, public relations and communications, public relations => L72
咨询, 咨询服务, 顾问, consulting, consultancy, advisory => L724
管理咨询, 企业管理咨询, 战略咨询, management consulting => L7243
市场调研, 市场调查, 市场研究, market research => L7242
法律, 律师, 律所, 律师事务所, 律师行, legal, legal services, law practice, law firm, law firms => L7231
会计, 会计师事务所, 审计, 税务, 财税, 财税服务, 代理记账, 税务师事务所, accounting, audit, tax => L7241
广告, 广告公司, 广告传媒, 营销, 营销策划, 数字营销, 整合营销, 市场推广, advertising, marketing, marketing and advertising, marketing advertising, digital marketing => L725
互联网广告, 网络广告, 数字广告, online advertising => L7251
人力资源, 人力, 人力资源服务, 人资, hr, human resources, staffing, staffing and recruiting, recruiting, recruitment => L726
猎头, 招聘, 职业中介, 人才中介, executive search => L7262
劳务派遣 => L7263
保安, 安保, security and investigations, security services => L727
会展, 展览, 会议展览, 展会, 会务, events services, event services, events => L728
旅行社, 旅行服务, travel agency, travel agencies => L7291
旅游 => L7291 N786 R9030
leisure travel and tourism, travel and tourism, tourism, travel => L7291 N786 R9030
翻译, translation and localization, translation => L7294
征信, 信用评级 => L7295
供应链, 供应链管理, supply chain, supply chain management => L7224
园区, 产业园, 园区管理, 产业园区 => L7221
票务 => L7298

# M 科学研究和技术服务业
科研, 科学研究, 研发, 研究院, 研究所, 科研院所, research, research and development, r&d => M73
检测, 检验检测, 第三方检测, 检验, 质检, testing, testing and inspection => M745
认证, certification => M7455
计量 => M7453
设计, 设计服务, design => M748 M749
工业设计, industrial design => M7491
平面设计, 专业设计, graphic design => M7492
建筑设计, 工程设计, 设计院, architecture and planning, architecture => M7484
工程监理, 监理 => M7482
工程勘察, 勘察 => M7483
测绘, surveying => M744
环境监测 => M746
地质勘查, 地质勘探, 勘探 => M747
技术推广, 科技服务 => M75
知识产权, 专利, 商标, 专利代理, 商标代理, intellectual property => M7520
孵化器, 众创空间, 创业孵化 => M7540
兽医, veterinary => M7493
生物技术, 生物科技, biotechnology, biotech => C276 M73

# N 水利、环境和公共设施管理业
环保, 环境保护, 节能环保 => N77 C3591 M746
环境治理, 污染治理, environmental services, environmental => N772
生态保护 => N771
水利, 水利管理 => N76
环卫, 环境卫生 => N7820
绿化, 园林绿化, 园林 => N7840
景区, 旅游景区, 风景区, 景区管理 => N786

# O 居民服务、修理和其他服务业
家政, 家政服务, 保姆, 月嫂, 育儿嫂 => O8010
托育, 托儿所 => O8020
洗衣, 干洗, 洗衣店 => O8030
美容, 美发, 美容美发, 理发, 美甲, 美容院, 发廊 => O8040
洗浴, 浴场 => O8051
足浴, 足疗 => O8052
养生, 保健, 养生保健 => O8053
摄影, 影楼, 婚纱摄影, photography => O8060
婚庆, 婚介, 婚礼, 婚恋, 婚庆服务 => O8070
殡葬, 墓地, 陵园 => O8080
汽车维修, 汽修, 汽车修理, 汽车美容, 汽车保养 => O8111
家电维修 => O813
保洁, 清洁, 清洁服务, cleaning => O821
宠物 => O822 F5297 F5192
宠物服务 => O822
宠物医院 => O8222
宠物美容 => O8223
居民服务, 生活服务, consumer services => O

# P 教育
教育, 教育行业, 学校, 教育机构, 在线教育, 教育科技, k12, education, education management, e learning, elearning, primary secondary education => P83
培训, 教育培训, 培训机构, 培训学校, 课外辅导, 教育辅导, training => P839
职业培训, 技能培训, 职业技能培训 => P8391
艺术培训, 音乐培训, 美术培训 => P8393
体育培训 => P8392
幼儿园, 学前教育, preschool => P8310
小学 => P832
中学, 初中, 高中 => P833
院校 => P83
大学, 高校, 高等院校, 学院, 高等教育, university, universities, higher education => P834

# Q 卫生和社会工作
医疗, 医疗服务, 医疗卫生, 医疗健康, 大健康, 卫生, 医疗机构, healthcare, health care, hospital and health care, medical, medical practice, health => Q84
医院, 民营医院, 公立医院, hospital, hospitals => Q841
口腔, 牙科, 齿科, 口腔医院, 眼科医院, 专科医院 => Q8415
诊所, 门诊, 门诊部, clinic, clinics => Q8425
体检, 健康体检, 体检中心 => Q8491
医学检验, 第三方医学检验 => Q8492
养老院, 养老机构, 敬老院, 养老服务, 养老 => Q8514
社会工作, social work => Q85
护理 => Q84 Q8512

# R 文化、体育和娱乐业
文化, 文化传媒, 传媒, 媒体, 文化传播, 传播, 新媒体, 文娱, media, media production, online media => R
文化艺术, 艺术, arts => R88
新闻, 新闻媒体, news, newspapers => R8610
出版, 出版社, publishing => R862
广播电视, broadcast media, broadcasting => R87
影视, 影视制作, 影视传媒, 电影, 电视剧, 影视文化, 影视娱乐, motion pictures and film, film, movies => R87
电影院, 影院, 影城 => R8760
演出, 演艺, 文艺演出, performing arts => R881
体育, 体育产业, 体育运动, sports, sport => R89
健身, 健身房, 健身中心, fitness, health wellness and fitness => R8930
娱乐, 娱乐业, 休闲娱乐, entertainment, recreation => R90
ktv, 歌厅, 歌舞厅 => R9011
网吧, 网咖 => R9013
彩票, lottery => R904
图书馆, libraries, library => R8831
博物馆, museums and institutions, museums => R8850

# Wording of the 2017 text before amendment No.1, and of the second copy checked in shared/standards/README.md
人民法院和人民检察院 => S923
其他会议、会展及相关服务 => L7289
液力动力机械元件制造 => C3445
药用辅料及包装材料 => C2780
基层群众自治组织及其他组织 => S96

# S 公共管理、社会保障和社会组织
政府, 政府机关, 政府部门, 机关, 行政机关, 国家机关, government, government administration, public sector => S92
党政机关 => S91 S92
公共管理, public administration, public policy => S
社会组织, 非营利, 非营利组织, 非盈利, 非盈利组织, 公益, 公益组织, ngo, npo, non profit, nonprofit, not for profit, non profit organization management, civic and social organization => S95
协会, 学会, 社会团体, 社团 => S952
商会, 行业协会 => S9522
宗教, religious institutions, religion => S954
工会 => S9511
法院 => S9232
检察院 => S9233
judiciary => S923
社区, 居委会 => S9610
村委会 => S9620
`;
