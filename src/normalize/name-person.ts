// Does a customer name look like a person? Used only when no hint (customer type, ID number, USCC) decides.
// - Chinese: 2–3 Han characters starting with a common surname (3–4 with a compound surname), or a surname plus
//   a form of address (张先生, 李总, 王经理), or a minority name with a middle dot (买买提·艾力); never when the
//   name contains a company word or ends with a shop-like character (张记面馆, 王五金店).
// - Latin: two or three capitalised words of letters only ('John Smith', 'Mary-Jane O'Neil'), no company word.

/** Common single-character surnames (roughly the 300 most frequent). */
const SURNAMES = new Set(
  [...(
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢' +
    '姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温' +
    '康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂' +
    '成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党' +
    '宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈' +
    '匡鞠惠荆乐冀郁胥南班储栗燕楚鄢劳谌奚皮粟冼蔺楼满闻位厉仝区郜阚权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄' +
    '平计索宣晋相初云容敬扈晁芮都浦戈伏鹿薄邸雍辜羊母裘亓修邰赫杭况宿逯隆茹诸战慕危银亢嵇湛宾戎勾茅揭' +
    '尉冶斯元束檀衣信展阴昝智幸奉衡富尧'
  )],
);

const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐', '端木',
  '西门', '独孤', '南宫', '轩辕', '钟离', '澹台', '申屠', '太史', '万俟', '闻人', '赫连', '呼延', '百里', '东郭', '公羊',
  '第五', '拓跋', '完颜', '单于', '司空', '左丘', '濮阳', '淳于', '仲孙', '宗政', '漆雕', '乐正', '壤驷', '公冶', '谷梁',
]);

/** Forms of address that follow a surname: 张先生, 李总, 王经理. */
const TITLES = [
  '先生', '女士', '小姐', '太太', '夫人', '老师', '经理', '总监', '主任', '主管', '董事长', '总经理', '老板', '老总',
  '师傅', '医生', '律师', '教授', '博士', '阿姨', '大姐', '大哥', '总', '工', '姐', '哥', '叔', '生',
];

/** Words that make a name an organisation, whatever its shape. */
const COMPANY_WORDS = [
  '公司', '集团', '企业', '科技', '网络', '信息', '技术', '软件', '电子', '电器', '电气', '实业', '贸易', '商贸', '商行',
  '商店', '门店', '工厂', '中心', '银行', '保险', '证券', '基金', '投资', '控股', '资本', '医院', '诊所', '药房', '学校',
  '大学', '学院', '幼儿园', '酒店', '宾馆', '餐厅', '饭店', '超市', '商场', '商城', '工作室', '事务所', '合作社',
  '经营部', '服务部', '协会', '研究院', '研究所', '传媒', '文化', '教育', '培训', '咨询', '管理', '服务', '广告', '装饰',
  '建设', '建筑', '工程', '设计', '物流', '快递', '餐饮', '食品', '服装', '机械', '设备', '材料', '能源', '地产', '置业',
  '物业', '汽车', '航空', '医药', '生物', '化工', '农业', '政府', '委员会', '局', '厅', '办公室', '车行', '有限', '股份',
  '烧烤', '面馆', '餐馆', '小吃', '便利店', '五金', '建材', '药店', '美容', '美发', '理发', '维修', '回收', '快餐', '火锅',
  '烟酒', '水果', '蔬菜', '批发', '办事处',
];

/** Last characters that make a short name a business: 张记面馆, 王五金店, 李家厂. */
const BUSINESS_ENDINGS = new Set([...'店厂馆局司铺吧厅社部行院所站坊']);

const LATIN_COMPANY_WORDS = new Set([
  'inc', 'ltd', 'co', 'corp', 'llc', 'llp', 'plc', 'gmbh', 'group', 'holding', 'holdings', 'company', 'limited',
  'technology', 'technologies', 'tech', 'solutions', 'systems', 'services', 'consulting', 'partners', 'bank',
  'capital', 'trading', 'international', 'global', 'industries', 'industry', 'software', 'labs', 'studio', 'media',
  'foundation', 'university', 'college', 'hospital', 'school', 'association', 'club', 'store', 'shop', 'restaurant',
  'hotel', 'pharma', 'motors', 'airlines', 'logistics', 'ventures', 'investments', 'network', 'networks', 'digital',
  'electronics', 'enterprise', 'enterprises', 'agency', 'center', 'centre', 'institute', 'office', 'the', 'and', 'of',
]);

const HAN = /^[\u4e00-\u9fff]+$/u;

/** Any of COMPANY_WORDS, as one pattern (one scan of the name instead of one per word). */
const COMPANY_WORD = new RegExp(COMPANY_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'u');
/** Characters that have no case and are no Latin letter (CJK, the middle dot of 买买提·艾力). */
const CASELESS_ONLY = /^[\u00b7\u2e80-\u9fff]*$/u;

/** Whether the name has a company word (Chinese or English) anywhere. */
export function hasCompanyWord(name: string): boolean {
  if (COMPANY_WORD.test(name)) return true;
  if (/^[\u4e00-\u9fff]{1,2}记/u.test(name)) return true; // 李记, 老王记: a shop
  if (CASELESS_ONLY.test(name)) return false; // no Latin word to look up
  return name
    .toLowerCase()
    .split(/[^a-z]+/)
    .some((w) => LATIN_COMPANY_WORDS.has(w));
}

/** Whether a cleaned name looks like a person's name (see the top of this file). */
export function looksLikePerson(name: string): boolean {
  if (HAN.test(name)) return looksLikeChinesePerson(name);
  const dotted = /^([\u4e00-\u9fff]{1,8})·([\u4e00-\u9fff]{1,10})$/u.exec(name);
  if (dotted) return !hasCompanyWord(name);
  return looksLikeLatinPerson(name);
}

function looksLikeChinesePerson(name: string): boolean {
  if (hasCompanyWord(name)) return false;
  const last = name[name.length - 1] ?? '';
  const compound = COMPOUND_SURNAMES.has(name.slice(0, 2));
  const surnameLength = compound ? 2 : SURNAMES.has(name[0] ?? '') ? 1 : 0;
  if (surnameLength === 0) return false;
  const rest = name.slice(surnameLength);
  // Surname + form of address, possibly with the given name between: 张先生, 张伟先生, 欧阳总.
  if (TITLES.some((t) => rest.endsWith(t) && rest.length - t.length <= 2)) return true;
  if (BUSINESS_ENDINGS.has(last)) return false;
  return rest.length >= 1 && rest.length <= 2;
}

const HONORIFIC = /^(?:mr|mrs|ms|miss|dr|prof)\.?\s+/i;

function looksLikeLatinPerson(name: string): boolean {
  const words = personCore(name).split(' ');
  if (words.length < 2 || words.length > 3) return false;
  return words.every(
    (w) => /^(?:[A-Z][a-z]+|[A-Z]{2,}|[A-Z][a-z]*['’-][A-Z]?[a-z]+|[A-Z]\.)$/.test(w) && !LATIN_COMPANY_WORDS.has(w.toLowerCase()),
  );
}

/**
 * A person's name as compared: Han names without spaces; Latin names without an honorific and in 'First Last'
 * order ('Mr. John Smith', 'Smith, John' → John Smith).
 */
export function personCore(name: string): string {
  if (/[\u4e00-\u9fff]/u.test(name)) return name.replace(/\s+/g, '');
  const bare = name.replace(HONORIFIC, '').trim();
  const comma = /^([^,]+),\s*([^,]+)$/.exec(bare);
  return comma?.[1] && comma[2] ? `${comma[2].trim()} ${comma[1].trim()}` : bare;
}

/** A name built from first and last name fields: Chinese last+first, Latin 'First Last'. */
export function joinPersonName(firstName: string, lastName: string): string {
  const first = firstName.trim();
  const last = lastName.trim();
  if (!first || !last) return first || last;
  return /[\u4e00-\u9fff]/u.test(first + last) ? `${last}${first}` : `${first} ${last}`;
}
