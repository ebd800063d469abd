import type { Reference } from './types'

/** Variety approval records and the publications behind salinity and salt tolerance. */
export const VARIETY_REFERENCES: readonly Reference[] = [
  {
    id: 'iga-cas-dongsheng118',
    publisher: {
      zh: '中国科学院东北地理与农业生态研究所',
      en: 'Northeast Institute of Geography and Agroecology, CAS',
    },
    title: {
      zh: '耐盐碱大豆东生118 在乾安盐碱地测产',
      en: 'Salt-alkali tolerant soybean Dongsheng 118 measured on Qian’an saline land',
    },
    year: 2022,
    url: null,
    figure: {
      zh: '东生118 耐盐碱；中重度盐碱地亩产 150.4 kg',
      en: 'Dongsheng 118 is salt-alkali tolerant: 150.4 kg/mu on moderate-to-severe saline land',
    },
    confidence: 'H',
  },
  {
    id: 'gmw-dongsheng118',
    publisher: { zh: '光明日报', en: 'Guangming Daily' },
    title: { zh: '盐碱地上种大豆', en: 'Soybean on saline-alkali land' },
    year: 2023,
    url: null,
    figure: { zh: '东生118 为耐盐碱品种', en: 'Dongsheng 118 named a salt-alkali tolerant variety' },
    confidence: 'M',
  },
  {
    id: 'approval-dongsheng118',
    publisher: {
      zh: '吉林省农作物品种审定委员会（种业网转载）',
      en: 'Jilin crop variety approval committee (seed-site copy)',
    },
    title: { zh: '东生118 审定公告', en: 'Approval record of Dongsheng 118' },
    year: null,
    url: 'https://chinaseed114.com/seed/16/seed_77648.html',
    figure: {
      zh: '区试 2019–2020 平均 2,977.4 kg/ha，比对照吉育86 增产 7.1%；生育期 125 天；保苗约 18 万株/公顷',
      en: 'Regional trials 2019–20 2,977.4 kg/ha, +7.1 % over the check Jiyu 86; 125 days; about 180,000 plants/ha',
    },
    confidence: 'H',
  },
  {
    id: 'approval-xianyu335',
    publisher: {
      zh: '内蒙古自治区农作物品种审定委员会（农服务网转载）',
      en: 'Inner Mongolia variety approval committee (nongfuwu copy)',
    },
    title: { zh: '先玉335 审定公告 蒙认玉2008023', en: 'Approval record of Xianyu 335, 蒙认玉2008023' },
    year: 2008,
    url: 'https://nongfuwu.com/a/e2affd.html',
    figure: {
      zh: '适宜 ≥10 °C 活动积温 2,900 °C 以上地区；亩保苗 3,500–4,500 株',
      en: 'For zones with ≥2,900 °C·d (≥10 °C); 3,500–4,500 plants/mu',
    },
    confidence: 'H',
  },
  {
    id: 'approval-fuyou968',
    publisher: {
      zh: '吉林省农作物品种审定委员会（富友种业转载）',
      en: 'Jilin crop variety approval committee (Fuyou Seed copy)',
    },
    title: { zh: '富友968 审定公告 吉审玉2012023', en: 'Approval record of Fuyou 968, 吉审玉2012023' },
    year: 2012,
    url: 'http://fuyouseed.cn/index.php/index/product/180.html?cate=9',
    figure: {
      zh: '吉林中熟区上限和中晚熟区，需 ≥10 °C 活动积温约 2,650 °C；区试 11,653.1 kg/ha，比郑单958 +9.1%',
      en: 'Jilin upper-mid and mid-late zones, about 2,650 °C·d; regional trials 11,653.1 kg/ha, +9.1 % over Zhengdan 958',
    },
    confidence: 'H',
  },
  {
    id: 'approval-fengtian807',
    publisher: {
      zh: '吉林省农作物品种审定委员会（种业网转载）',
      en: 'Jilin crop variety approval committee (seed-site copy)',
    },
    title: { zh: '凤田807 审定公告 吉审玉20200082', en: 'Approval record of Fengtian 807, 吉审玉20200082' },
    year: 2020,
    url: 'http://m.gowu797.com/seed/15/seed_72405.html',
    figure: {
      zh: '中早熟，出苗至成熟 122 天，适宜吉林中早熟区；公顷保苗 5.5–6 万株',
      en: 'Mid-early, 122 days, for Jilin’s mid-early zone; 55–60 k plants/ha',
    },
    confidence: 'H',
  },
  {
    id: 'tongyu-saline-soy',
    publisher: { zh: '新华社（网页转载）', en: 'Xinhua (web copy)' },
    title: { zh: '通榆盐碱地大豆与中吉602', en: 'Tongyu saline soybean and Zhongji 602' },
    year: 2023,
    url: 'http://www.ab66k.com/cj/2023/1018/72826.html',
    figure: {
      zh: '通榆盐碱地大豆亩产约 100 kg，耐盐品种示范 306 kg：重度盐碱约减产一半以上',
      en: 'Tongyu saline soybean about 100 kg/mu vs 306 for a tolerant variety: severe salinity costs half or more',
    },
    confidence: 'L',
  },
  {
    id: 'xiao-2022-amendment',
    publisher: { zh: 'IJABE', en: 'Int. J. Agric. & Biol. Eng.' },
    title: { zh: '苏打盐碱土改良增产', en: 'Soda saline-alkali soil amendment and yield' },
    year: 2022,
    url: 'https://www.authorea.com/doi/full/10.22541/au.158540718.83852260',
    figure: {
      zh: '旱田改良后增产 23.98%–60.75%，即未改良盐碱地减产约两成至四成',
      en: 'Dry fields +23.98–60.75 % after amendment: unimproved saline land loses about 20–40 %',
    },
    confidence: 'M',
  },
]
