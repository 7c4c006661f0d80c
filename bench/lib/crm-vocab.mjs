// Vocabulary for the synthetic CRM generator: real region triples (GB/T 2260 codes, long-distance area codes),
// brand syllables grouped by pinyin (so a homophone typo stays a homophone), trades, surnames, streets.
// Region codes and area codes were checked against src/normalize/tables/ when this file was written.

/** [province, provinceShort, provinceAbbr, city, district, districtCode, areaCode] */
const REGION_ROWS = [
  ['上海市', '上海', '沪', '上海市', '浦东新区', '310115', '021'],
  ['上海市', '上海', '沪', '上海市', '徐汇区', '310104', '021'],
  ['上海市', '上海', '沪', '上海市', '闵行区', '310112', '021'],
  ['上海市', '上海', '沪', '上海市', '静安区', '310106', '021'],
  ['北京市', '北京', '京', '北京市', '朝阳区', '110105', '010'],
  ['北京市', '北京', '京', '北京市', '海淀区', '110108', '010'],
  ['北京市', '北京', '京', '北京市', '东城区', '110101', '010'],
  ['北京市', '北京', '京', '北京市', '丰台区', '110106', '010'],
  ['天津市', '天津', '津', '天津市', '南开区', '120104', '022'],
  ['天津市', '天津', '津', '天津市', '滨海新区', '120116', '022'],
  ['重庆市', '重庆', '渝', '重庆市', '渝中区', '500103', '023'],
  ['重庆市', '重庆', '渝', '重庆市', '江北区', '500105', '023'],
  ['广东省', '广东', '粤', '深圳市', '南山区', '440305', '0755'],
  ['广东省', '广东', '粤', '深圳市', '福田区', '440304', '0755'],
  ['广东省', '广东', '粤', '深圳市', '宝安区', '440306', '0755'],
  ['广东省', '广东', '粤', '广州市', '天河区', '440106', '020'],
  ['广东省', '广东', '粤', '广州市', '越秀区', '440104', '020'],
  ['广东省', '广东', '粤', '佛山市', '南海区', '440605', '0757'],
  ['浙江省', '浙江', '浙', '杭州市', '西湖区', '330106', '0571'],
  ['浙江省', '浙江', '浙', '杭州市', '滨江区', '330108', '0571'],
  ['浙江省', '浙江', '浙', '杭州市', '余杭区', '330110', '0571'],
  ['浙江省', '浙江', '浙', '宁波市', '鄞州区', '330212', '0574'],
  ['浙江省', '浙江', '浙', '温州市', '鹿城区', '330302', '0577'],
  ['江苏省', '江苏', '苏', '南京市', '鼓楼区', '320106', '025'],
  ['江苏省', '江苏', '苏', '苏州市', '姑苏区', '320508', '0512'],
  ['江苏省', '江苏', '苏', '苏州市', '虎丘区', '320505', '0512'],
  ['江苏省', '江苏', '苏', '无锡市', '滨湖区', '320211', '0510'],
  ['四川省', '四川', '川', '成都市', '武侯区', '510107', '028'],
  ['四川省', '四川', '川', '成都市', '锦江区', '510104', '028'],
  ['湖北省', '湖北', '鄂', '武汉市', '洪山区', '420111', '027'],
  ['湖北省', '湖北', '鄂', '武汉市', '江汉区', '420103', '027'],
  ['湖南省', '湖南', '湘', '长沙市', '岳麓区', '430104', '0731'],
  ['福建省', '福建', '闽', '厦门市', '思明区', '350203', '0592'],
  ['福建省', '福建', '闽', '厦门市', '湖里区', '350206', '0592'],
  ['福建省', '福建', '闽', '福州市', '鼓楼区', '350102', '0591'],
  ['山东省', '山东', '鲁', '济南市', '历下区', '370102', '0531'],
  ['山东省', '山东', '鲁', '青岛市', '市南区', '370202', '0532'],
  ['河南省', '河南', '豫', '郑州市', '金水区', '410105', '0371'],
  ['陕西省', '陕西', '陕', '西安市', '雁塔区', '610113', '029'],
  ['辽宁省', '辽宁', '辽', '沈阳市', '和平区', '210102', '024'],
  ['辽宁省', '辽宁', '辽', '大连市', '中山区', '210202', '0411'],
  ['安徽省', '安徽', '皖', '合肥市', '蜀山区', '340104', '0551'],
  ['河北省', '河北', '冀', '石家庄市', '长安区', '130102', '0311'],
  ['云南省', '云南', '滇', '昆明市', '五华区', '530102', '0871'],
  ['广西壮族自治区', '广西', '桂', '南宁市', '青秀区', '450103', '0771'],
  ['新疆维吾尔自治区', '新疆', '新', '乌鲁木齐市', '天山区', '650102', '0991'],
  ['内蒙古自治区', '内蒙古', '蒙', '呼和浩特市', '新城区', '150102', '0471'],
  ['黑龙江省', '黑龙江', '黑', '哈尔滨市', '南岗区', '230103', '0451'],
  ['吉林省', '吉林', '吉', '长春市', '朝阳区', '220104', '0431'],
  ['江西省', '江西', '赣', '南昌市', '东湖区', '360102', '0791'],
  ['山西省', '山西', '晋', '太原市', '小店区', '140105', '0351'],
  ['贵州省', '贵州', '黔', '贵阳市', '南明区', '520102', '0851'],
  ['海南省', '海南', '琼', '海口市', '龙华区', '460106', '0898'],
  ['甘肃省', '甘肃', '甘', '兰州市', '城关区', '620102', '0931'],
];

const stripSuffix = (s, suffixes) => {
  for (const x of suffixes) if (s.length > x.length + 1 && s.endsWith(x)) return s.slice(0, -x.length);
  return s;
};

export const REGIONS = REGION_ROWS.map(([province, provinceShort, provinceAbbr, city, district, districtCode, areaCode]) => ({
  province,
  provinceShort,
  provinceAbbr,
  municipality: province === city,
  city,
  cityShort: stripSuffix(city, ['市']),
  district,
  districtShort: stripSuffix(district, ['新区', '区']),
  districtCode,
  areaCode,
}));

/** Brand syllables by pinyin; brands are 2 (sometimes 3) of these characters. */
const BRAND_GROUPS = {
  ming: '明铭名鸣茗', yuan: '远源元圆园', hua: '华骅花', xin: '信鑫新欣馨昕', da: '达大', tai: '泰太钛',
  kang: '康', feng: '丰峰锋枫沣', sheng: '盛胜晟圣升', tian: '天田恬', hong: '宏鸿弘红泓虹', long: '龙隆珑',
  rui: '瑞锐睿蕊', jia: '佳嘉家加', cheng: '诚成城承程骋', chen: '晨辰宸', hao: '浩豪昊皓', yu: '宇羽钰煜裕誉',
  tong: '通同彤桐', li: '立力利丽励', xing: '兴星行', guang: '光广', jin: '金锦进晋瑾', yi: '易益亿艺毅怡逸',
  bo: '博波铂', an: '安岸', kai: '凯开恺铠', wei: '维威伟唯蔚', rong: '荣融蓉榕容', zhi: '智志致至',
  hui: '汇慧辉惠晖', heng: '恒衡亨', jun: '骏君俊峻', chuang: '创', fu: '福富复孚', shun: '顺舜',
  zhong: '中众忠', ding: '鼎定', yao: '耀瑶尧', huan: '环欢寰', xiang: '祥翔湘向', qi: '启奇琪齐麒',
  ze: '泽', lin: '林霖麟琳', run: '润', yang: '阳扬洋', hai: '海', bang: '邦帮', chang: '昌长畅',
  de: '德', le: '乐', wan: '万', jing: '景京晶精', mei: '美梅', chun: '春纯', qing: '青清庆晴',
  sen: '森', yun: '云芸运韵', zhao: '兆昭', pu: '普朴浦', shi: '世实仕', nuo: '诺', ying: '英盈颖鹰赢',
  hang: '航杭', he: '和合禾', mao: '茂', yong: '永勇', quan: '全泉权', xu: '旭煦', tuo: '拓',
  lian: '联莲', shuo: '硕', bai: '百佰柏', qian: '乾千谦', kun: '坤昆', ao: '奥澳', dian: '典', yue: '越悦跃岳',
};

export const BRAND_CHARS = [];
export const BRAND_PINYIN = [];
/** char -> other characters with the same pinyin (only for groups of two or more). */
export const HOMOPHONES = new Map();
for (const [py, chars] of Object.entries(BRAND_GROUPS)) {
  for (const ch of chars) {
    if (BRAND_CHARS.includes(ch)) throw new Error(`crm-vocab: duplicate brand char ${ch}`);
    BRAND_CHARS.push(ch);
    BRAND_PINYIN.push(py);
    if (chars.length > 1) HOMOPHONES.set(ch, [...chars].filter((c) => c !== ch));
  }
}

/** Industry clusters: the free-text ways a sales rep fills 所属行业 (names, GB/T 4754 codes, sections). */
export const INDUSTRIES = {
  software: ['软件', 'IT', '互联网', '软件和信息技术服务业', '信息技术', '计算机软件', '6513', 'I65', 'I', 'IT/互联网', '软件开发'],
  internet: ['互联网', 'IT', '互联网和相关服务', '电商', 'I64', '6421', '网络'],
  trade: ['批发零售', '贸易', '批发业', 'F51', '5181', '商贸', '进出口', '外贸', 'F'],
  electronics: ['制造业', '电子', 'C39', '3981', '电子制造', '计算机、通信和其他电子设备制造业', 'C'],
  industrial: ['制造业', '实业', '综合', 'C', '工业'],
  materials: ['建材', '批发零售', '建筑材料', '5165', 'F516', '建材批发'],
  catering: ['餐饮', '餐饮业', 'H62', '6210', '餐饮服务', '住宿和餐饮业', 'H'],
  realestate: ['房地产', '地产', 'K70', '7010', '房地产开发', 'K'],
  logistics: ['物流', '交通运输', 'G54', '5431', '运输', '快递物流', '供应链', '7224'],
  consulting: ['咨询', '商务服务', 'L72', '7243', '企业服务', '管理咨询'],
  advertising: ['广告', '传媒', '7259', 'L725', '文化传媒', '营销'],
  machinery: ['机械', '制造业', 'C34', '3421', '设备制造', '机械制造'],
  medical: ['医疗', '医疗器械', 'C358', '3581', '医药', '大健康'],
  food: ['食品', 'C14', '1499', '食品制造', '快消'],
  apparel: ['服装', '纺织服装', 'C18', '1819', '服饰'],
  building: ['建筑', '装修', 'E50', '建筑装饰', '工程', 'E'],
};

/** [trade word, short form for abbreviated names, industry cluster, pinyin for domains, may be a 厂] */
export const TRADES = [
  ['信息科技', '科技', 'software', 'tech', false],
  ['网络科技', '网络', 'internet', 'net', false],
  ['电子科技', '电子', 'electronics', 'tech', false],
  ['科技', '科技', 'software', 'tech', false],
  ['软件', '软件', 'software', 'soft', false],
  ['信息技术', '信息', 'software', 'it', false],
  ['网络技术', '网络', 'internet', 'net', false],
  ['贸易', '贸易', 'trade', 'trade', false],
  ['商贸', '商贸', 'trade', 'trading', false],
  ['国际贸易', '贸易', 'trade', 'intl', false],
  ['进出口', '进出口', 'trade', 'imex', false],
  ['电子', '电子', 'electronics', 'elec', true],
  ['实业', '实业', 'industrial', 'group', false],
  ['建材', '建材', 'materials', 'jc', false],
  ['餐饮管理', '餐饮', 'catering', 'food', false],
  ['房地产开发', '地产', 'realestate', 'estate', false],
  ['置业', '置业', 'realestate', 'zy', false],
  ['物流', '物流', 'logistics', 'logistics', false],
  ['供应链管理', '供应链', 'logistics', 'scm', false],
  ['企业管理咨询', '咨询', 'consulting', 'consulting', false],
  ['广告', '广告', 'advertising', 'ad', false],
  ['文化传媒', '传媒', 'advertising', 'media', false],
  ['机械设备', '机械', 'machinery', 'machine', true],
  ['机电', '机电', 'machinery', 'jd', true],
  ['医疗器械', '医疗', 'medical', 'med', false],
  ['生物科技', '生物', 'medical', 'bio', false],
  ['食品', '食品', 'food', 'food', true],
  ['服饰', '服饰', 'apparel', 'fashion', true],
  ['装饰工程', '装饰', 'building', 'deco', false],
  ['建筑工程', '建筑', 'building', 'build', false],
].map(([word, short, industry, domainWord, factory]) => ({ word, short, industry, domainWord, factory }));

/** [surname, pinyin]; a few compound surnames too. */
export const SURNAMES = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'],
  ['赵', 'zhao'], ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'], ['胡', 'hu'],
  ['郭', 'guo'], ['何', 'he'], ['高', 'gao'], ['林', 'lin'], ['罗', 'luo'], ['郑', 'zheng'], ['梁', 'liang'],
  ['谢', 'xie'], ['宋', 'song'], ['唐', 'tang'], ['许', 'xu'], ['韩', 'han'], ['冯', 'feng'], ['邓', 'deng'],
  ['曹', 'cao'], ['彭', 'peng'], ['曾', 'zeng'], ['肖', 'xiao'], ['田', 'tian'], ['董', 'dong'], ['袁', 'yuan'],
  ['潘', 'pan'], ['于', 'yu'], ['蒋', 'jiang'], ['蔡', 'cai'], ['余', 'yu'], ['杜', 'du'], ['叶', 'ye'],
  ['程', 'cheng'], ['苏', 'su'], ['魏', 'wei'], ['吕', 'lv'], ['丁', 'ding'], ['任', 'ren'], ['沈', 'shen'],
  ['姚', 'yao'], ['卢', 'lu'], ['姜', 'jiang'], ['崔', 'cui'], ['钟', 'zhong'], ['谭', 'tan'], ['陆', 'lu'],
  ['汪', 'wang'], ['范', 'fan'], ['金', 'jin'], ['石', 'shi'], ['廖', 'liao'], ['贾', 'jia'], ['夏', 'xia'],
  ['韦', 'wei'], ['付', 'fu'], ['方', 'fang'], ['白', 'bai'], ['邹', 'zou'], ['孟', 'meng'], ['熊', 'xiong'],
  ['秦', 'qin'], ['邱', 'qiu'], ['江', 'jiang'], ['尹', 'yin'], ['薛', 'xue'], ['闫', 'yan'], ['段', 'duan'],
  ['雷', 'lei'], ['侯', 'hou'], ['龙', 'long'], ['史', 'shi'], ['陶', 'tao'], ['黎', 'li'], ['贺', 'he'],
  ['顾', 'gu'], ['毛', 'mao'], ['郝', 'hao'], ['龚', 'gong'], ['邵', 'shao'], ['万', 'wan'], ['钱', 'qian'],
  ['严', 'yan'], ['覃', 'qin'], ['武', 'wu'], ['戴', 'dai'], ['莫', 'mo'], ['孔', 'kong'], ['向', 'xiang'],
  ['汤', 'tang'], ['欧阳', 'ouyang'], ['司马', 'sima'], ['上官', 'shangguan'], ['诸葛', 'zhuge'],
];

export const GIVEN = [
  ['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['强', 'qiang'],
  ['磊', 'lei'], ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['娟', 'juan'],
  ['涛', 'tao'], ['明', 'ming'], ['超', 'chao'], ['秀', 'xiu'], ['霞', 'xia'], ['平', 'ping'], ['刚', 'gang'],
  ['桂', 'gui'], ['英', 'ying'], ['华', 'hua'], ['玉', 'yu'], ['建', 'jian'], ['国', 'guo'], ['文', 'wen'],
  ['辉', 'hui'], ['红', 'hong'], ['志', 'zhi'], ['鹏', 'peng'], ['飞', 'fei'], ['斌', 'bin'], ['宇', 'yu'],
  ['浩', 'hao'], ['凯', 'kai'], ['俊', 'jun'], ['婷', 'ting'], ['雪', 'xue'], ['琳', 'lin'], ['晨', 'chen'],
  ['欣', 'xin'], ['怡', 'yi'], ['佳', 'jia'], ['子', 'zi'], ['梓', 'zi'], ['涵', 'han'], ['轩', 'xuan'],
  ['博', 'bo'], ['然', 'ran'], ['睿', 'rui'], ['思', 'si'], ['雨', 'yu'], ['晓', 'xiao'], ['海', 'hai'],
  ['波', 'bo'], ['林', 'lin'], ['峰', 'feng'], ['亮', 'liang'], ['春', 'chun'], ['燕', 'yan'], ['梅', 'mei'],
  ['萍', 'ping'], ['莉', 'li'], ['丹', 'dan'], ['蕾', 'lei'], ['倩', 'qian'], ['颖', 'ying'], ['宁', 'ning'],
  ['鑫', 'xin'], ['帅', 'shuai'], ['龙', 'long'], ['云', 'yun'], ['东', 'dong'], ['晶', 'jing'], ['立', 'li'],
  ['荣', 'rong'], ['成', 'cheng'], ['兵', 'bing'], ['新', 'xin'], ['德', 'de'], ['永', 'yong'], ['健', 'jian'],
];

export const TITLES = ['经理', '总', '总经理', '采购', '主管', '老板', '助理', '工'];

export const STREETS = [
  '中山路', '人民路', '解放路', '建设路', '和平路', '科技园路', '长江路', '黄河路', '新华路', '朝阳路', '文化路',
  '工业路', '胜利路', '青年路', '滨江大道', '世纪大道', '创业路', '学院路', '高新大道', '金融街', '南京路',
  '东风路', '光明路', '迎宾大道', '体育路', '花园路', '香山路', '民主路', '环城北路', '天府大道',
];
export const BUILDINGS = [
  '国际大厦', '科技大厦', '财富中心', '创新园', '商务中心', '金融中心', '万达广场', '国贸中心', '软件园',
  '产业园', '创业大厦', '时代广场', '中心大厦', '工业园',
];

export const FREE_MAIL = [['qq.com', 4], ['163.com', 3], ['126.com', 1], ['sina.com', 1], ['foxmail.com', 1], ['139.com', 1]];

export const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '157', '158',
  '159', '166', '170', '173', '175', '176', '177', '178', '180', '181', '182', '183', '185', '186', '187', '188',
  '189', '191', '195', '198', '199',
];

export const GRADES = ['A', 'B', 'C', 'D', 'A类', 'B类', 'C类', '重要', '普通', 'VIP', '一般', '重点客户', '潜在客户', 'a', 'b'];

export const NOTES_PLAIN = [
  '老客户', '需跟进', '已报价', '待回访', '暂无需求', '年底有采购计划', '通过展会认识', '转介绍客户', '已签合同',
  '价格敏感', '竞争对手在跟', '已流失', '重点维护', '电话无人接听', '要求发资料', '微信联系', '已上门拜访',
];
export const NOTES_MESSY = [
  '客户要求报价, 下周回访',
  '联系人说"再考虑一下"',
  '第一次拜访：意向一般\n第二次电话：要样品',
  '合同金额 12,000 元，已付 "定金"',
  '地址有误, 以营业执照为准',
  '"大客户"，注意维护',
  '备注1\r\n备注2',
  '老板姓"王", 不是联系人',
];

/** Simplified -> traditional for characters that show up in company names (enough for "a few traditional chars"). */
const TRAD_PAIRS =
  '华華达達丰豐鸿鴻龙龍锐銳诚誠丽麗兴興广廣锦錦进進亿億艺藝维維伟偉荣榮汇匯辉輝骏駿创創顺順众眾环環欢歡' +
  '启啟泽澤润潤阳陽扬揚长長乐樂万萬庆慶云雲运運韵韻实實诺諾颖穎鹰鷹赢贏权權联聯莲蓮硕碩谦謙奥奧跃躍' +
  '远遠圆圓园園铭銘鸣鳴钛鈦锋鋒胜勝圣聖红紅珑瓏骋騁钰鈺誉譽励勵铂鉑凯凱开開恺愷铠鎧晖暉复復齐齊瑶瑤尧堯' +
  '帮幫畅暢纯純芸蕓朴樸贸貿电電业業饮飲发發东東门門国國际際网網络絡软軟设設计計务務责責团團资資讯訊' +
  '备備机機医醫疗療饰飾应應链鏈产產开開区區庄莊岛島汉漢连連乌烏鲁魯尔爾滨濱沈瀋宁寧厦廈济濟郑鄭' +
  '贵貴兰蘭温溫锡錫苏蘇关關装裝筑築咨諮询詢传傳贸貿进進术術';
export const TRADITIONAL = new Map();
for (let i = 0; i + 1 < TRAD_PAIRS.length; i += 2) TRADITIONAL.set(TRAD_PAIRS[i], TRAD_PAIRS[i + 1]);
