// Header vocabularies of the CRM exports we know (../shared/crm-anchors.md §2), plus the synonyms `auto` accepts.
// Keys are header texts as the systems write them; matching goes through headerKey(), so case, spaces, `_`, `*`
// required-markers and trailing notes like "(必填)" do not matter.
import type { CanonicalField } from '../canonical-fields.js';

export type DateOrder = 'ymd' | 'mdy' | 'dmy';

export interface Preset {
  id: string;
  label: string;
  /** How ambiguous numeric dates like 03/04/2024 are read for this system. */
  dateOrder: DateOrder;
  headers: Record<string, CanonicalField>;
}

const U8: Preset = {
  id: 'u8',
  label: '用友U8 客户档案',
  dateOrder: 'ymd',
  headers: {
    客户编码: 'source_id', 客户名称: 'name', 客户简称: 'short_name', 所属地区: 'region', 地区名称: 'region',
    所属行业: 'industry', 税号: 'uscc', 纳税人登记号: 'uscc', 法人: 'contact_name', 联系人: 'contact_name',
    电话: 'phone', 手机: 'mobile', 传真: 'fax', Email: 'email', 地址: 'address', 邮政编码: 'postal_code',
    信用等级: 'grade', 发展日期: 'created_at', 最后交易日期: 'last_deal_at', 专管业务员: 'owner',
  },
};

const FXIAOKE: Preset = {
  id: 'fxiaoke',
  label: '纷享销客 客户',
  dateOrder: 'ymd',
  headers: {
    客户名称: 'name', 客户编号: 'source_id', 客户级别: 'grade', 客户来源: 'channel', 成交状态: 'stage',
    负责人: 'owner', 电话: 'phone', 手机: 'mobile', 邮箱: 'email', 网址: 'website', 国家: 'country',
    省: 'province', 市: 'city', 区: 'district', 详细地址: 'address', 最后跟进时间: 'last_activity_at',
    创建时间: 'created_at', 最后修改时间: 'updated_at', 备注: 'notes', 统一社会信用代码: 'uscc', 行业: 'industry',
  },
};

const ZOHO_ACCOUNTS: Preset = {
  id: 'zoho-accounts',
  label: 'Zoho CRM Accounts',
  dateOrder: 'mdy',
  headers: {
    'Record Id': 'source_id', 'Account Name': 'name', 'Account Owner': 'owner', Industry: 'industry',
    Phone: 'phone', Fax: 'fax', Website: 'website', 'Billing Street': 'address', 'Billing City': 'city',
    'Billing State': 'province', 'Billing Code': 'postal_code', 'Billing Country': 'country',
    'Annual Revenue': 'annual_amount', Rating: 'grade', Description: 'notes', 'Created Time': 'created_at',
    'Modified Time': 'updated_at', 'Last Activity Time': 'last_activity_at',
  },
};

const ZOHO_CONTACTS: Preset = {
  id: 'zoho-contacts',
  label: 'Zoho CRM Contacts',
  dateOrder: 'mdy',
  headers: {
    'Record Id': 'source_id', 'First Name': 'first_name', 'Last Name': 'last_name', Email: 'email',
    Phone: 'phone', Mobile: 'mobile', 'Other Phone': 'phone', Fax: 'fax', 'Date of Birth': 'birth_date',
    'Mailing Street': 'address', 'Mailing City': 'city', 'Mailing State': 'province', 'Mailing Zip': 'postal_code',
    'Mailing Country': 'country', 'Contact Owner': 'owner', 'Lead Source': 'channel', Description: 'notes',
    'Created Time': 'created_at', 'Modified Time': 'updated_at', 'Last Activity Time': 'last_activity_at',
  },
};

const SALESFORCE: Preset = {
  id: 'salesforce',
  label: 'Salesforce Accounts (Data Loader or report)',
  dateOrder: 'mdy',
  headers: {
    // Data Loader / Data Export API names
    Id: 'source_id', Name: 'name', BillingStreet: 'address', BillingCity: 'city', BillingState: 'province',
    BillingPostalCode: 'postal_code', BillingCountry: 'country', Phone: 'phone', Fax: 'fax', Website: 'website',
    Industry: 'industry', AnnualRevenue: 'annual_amount', Description: 'notes', Rating: 'grade', OwnerId: 'owner',
    CreatedDate: 'created_at', LastModifiedDate: 'updated_at', LastActivityDate: 'last_activity_at',
    // report export labels
    'Account ID': 'source_id', 'Account Name': 'name', 'Billing Street': 'address', 'Billing City': 'city',
    'Billing State/Province': 'province', 'Billing Zip/Postal Code': 'postal_code', 'Billing Country': 'country',
    'Account Owner': 'owner', 'Created Date': 'created_at', 'Last Modified Date': 'updated_at',
    'Last Activity': 'last_activity_at', 'Annual Revenue': 'annual_amount',
  },
};

const HUBSPOT_COMPANIES: Preset = {
  id: 'hubspot-companies',
  label: 'HubSpot Companies',
  dateOrder: 'mdy',
  headers: {
    'Record ID': 'source_id', 'Company name': 'name', 'Company Domain Name': 'website', 'Website URL': 'website',
    'Phone Number': 'phone', Industry: 'industry', City: 'city', 'State/Region': 'province',
    'Postal Code': 'postal_code', 'Country/Region': 'country', 'Street Address': 'address',
    'Annual Revenue': 'annual_amount', 'Company owner': 'owner', 'Create Date': 'created_at',
    'Last Activity Date': 'last_activity_at', 'Lifecycle Stage': 'stage', Description: 'notes',
    'Last Modified Date': 'updated_at',
  },
};

const HUBSPOT_CONTACTS: Preset = {
  id: 'hubspot-contacts',
  label: 'HubSpot Contacts',
  dateOrder: 'mdy',
  headers: {
    'Record ID': 'source_id', 'First Name': 'first_name', 'Last Name': 'last_name', Email: 'email',
    'Phone Number': 'phone', 'Mobile Phone Number': 'mobile', 'Contact owner': 'owner',
    'Lifecycle Stage': 'stage', 'Lead Status': 'stage', 'Create Date': 'created_at', City: 'city',
    'State/Region': 'province', 'Postal Code': 'postal_code', 'Country/Region': 'country',
    'Street Address': 'address', 'Original Source': 'channel', 'Last Activity Date': 'last_activity_at',
  },
};

export const PRESETS: readonly Preset[] = [
  U8, FXIAOKE, ZOHO_ACCOUNTS, ZOHO_CONTACTS, SALESFORCE, HUBSPOT_COMPANIES, HUBSPOT_CONTACTS,
];

export const PRESET_IDS = ['auto', ...PRESETS.map((p) => p.id)] as const;

/** Chinese and English synonyms recognised by `auto` (and for columns a preset does not name). */
export const SYNONYMS: Record<CanonicalField, readonly string[]> = {
  source_id: ['客户编码', '客户编号', '客户代码', '客户ID', '编码', '编号', 'ID', 'Record ID', 'Account ID', 'Customer ID', 'Customer Code', 'Account Number'],
  name: ['客户名称', '公司名称', '单位名称', '企业名称', '客户全称', '公司全称', '客户名', '名称', '客户', '公司', '姓名', 'Account Name', 'Company', 'Company Name', 'Customer Name', 'Customer', 'Organization', 'Organisation', 'Name'],
  first_name: ['名', 'First Name', 'Given Name', 'FirstName'],
  last_name: ['姓', 'Last Name', 'Surname', 'Family Name', 'LastName'],
  short_name: ['客户简称', '公司简称', '简称', 'Short Name', 'Abbreviation'],
  customer_type: ['客户类型', '客户性质', '主体类型', 'Customer Type'],
  uscc: ['统一社会信用代码', '社会信用代码', '信用代码', '税号', '纳税人识别号', '纳税人登记号', '统一信用代码', 'USCC', 'Tax ID', 'Tax Number', 'VAT Number'],
  org_code: ['组织机构代码', '机构代码', 'Organization Code'],
  id_number: ['身份证', '身份证号', '身份证号码', '证件号码', '证件号', 'ID Number', 'ID Card', 'ID Card Number'],
  birth_date: ['出生日期', '生日', 'Date of Birth', 'Birthday', 'Birthdate', 'DOB'],
  gender: ['性别', 'Gender', 'Sex'],
  contact_name: ['联系人', '联系人姓名', '联系人名称', '法人', '法定代表人', 'Contact', 'Contact Name', 'Primary Contact'],
  mobile: ['手机', '手机号', '手机号码', '移动电话', '联系手机', 'Mobile', 'Mobile Phone', 'Mobile Phone Number', 'Cell', 'Cell Phone'],
  phone: ['电话', '联系电话', '座机', '固定电话', '办公电话', '公司电话', '电话号码', 'Phone', 'Phone Number', 'Telephone', 'Tel', 'Work Phone', 'Business Phone', 'Other Phone'],
  fax: ['传真', '传真号码', 'Fax', 'Fax Number'],
  email: ['邮箱', '电子邮箱', '电子邮件', '邮件', '邮箱地址', 'Email', 'E-mail', 'Email Address', 'Mail'],
  website: ['网址', '网站', '公司网址', '公司网站', '主页', 'Website', 'Website URL', 'Web', 'Company Domain Name', 'Domain', 'URL'],
  country: ['国家', '国家/地区', '国别', 'Country', 'Country/Region'],
  province: ['省', '省份', '所在省份', '所属省份', '省/直辖市', '省市', 'Province', 'State', 'State/Region', 'State/Province'],
  city: ['市', '城市', '所在城市', '所属城市', '地级市', 'City', 'Town'],
  district: ['区', '区县', '县区', '区/县', '所在区县', '县', 'District', 'County'],
  region: ['地区', '所在地区', '所属地区', '区域', '所在地', '省市区', '所属区域', 'Region', 'Location', 'Area'],
  address: ['地址', '详细地址', '联系地址', '公司地址', '办公地址', '通讯地址', '注册地址', '经营地址', 'Address', 'Street', 'Street Address', 'Address Line 1'],
  postal_code: ['邮编', '邮政编码', 'Postal Code', 'Postcode', 'Zip', 'Zip Code', 'ZIP/Postal Code'],
  industry: ['行业', '所属行业', '行业类别', '行业分类', '行业名称', 'Industry', 'Sector'],
  owner: ['负责人', '销售负责人', '客户经理', '业务员', '专管业务员', '所有人', '归属人', '跟进人', '销售', 'Owner', 'Account Owner', 'Contact Owner', 'Company Owner', 'Sales Rep'],
  grade: ['客户级别', '客户等级', '客户分级', '等级', '级别', '信用等级', 'Rating', 'Grade', 'Tier', 'Customer Level'],
  stage: ['客户状态', '成交状态', '客户阶段', '销售阶段', '阶段', '状态', 'Lifecycle Stage', 'Stage', 'Status', 'Lead Status'],
  channel: ['客户来源', '来源', '渠道', '线索来源', '获客渠道', 'Lead Source', 'Source', 'Original Source', 'Channel'],
  annual_amount: ['年销售额', '年营业额', '年收入', '营业收入', '年度金额', '年采购额', '年交易额', 'Annual Revenue', 'Revenue', 'Annual Amount'],
  created_at: ['创建时间', '创建日期', '录入时间', '录入日期', '建档日期', '发展日期', 'Created Time', 'Created Date', 'Create Date', 'Created At', 'Date Created', 'Created'],
  updated_at: ['最后修改时间', '修改时间', '更新时间', '最后更新时间', '修改日期', 'Modified Time', 'Last Modified Date', 'Updated At', 'Last Modified', 'Modified'],
  last_activity_at: ['最后跟进时间', '最近跟进时间', '最后联系时间', '最后活动时间', '最近联系时间', 'Last Activity', 'Last Activity Date', 'Last Activity Time', 'Last Contacted'],
  last_deal_at: ['最后交易日期', '最近成交日期', '最后成交时间', '最后下单时间', '最近交易日期', 'Last Deal Date', 'Last Purchase Date', 'Last Order Date'],
  notes: ['备注', '说明', '描述', '备注信息', '客户描述', 'Notes', 'Note', 'Description', 'Remarks', 'Comments', 'Comment'],
};

/** Normalizes a header for matching: NFKC, no BOM, no `*` markers or trailing "(必填)"-style notes, no spaces or
 * `_ - .`, lower case. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/^\ufeff/, '')
    .trim()
    .replace(/^\*+|\*+$/g, '')
    .replace(/[(（][^()（）]*(必填|选填|可选|required|optional)[^()（）]*[)）]$/i, '')
    .replace(/[\s_\-.]+/g, '')
    .toLowerCase();
}
