import type { Reference } from './types'

/** Publications behind prices, subsidies, costs, insurance and investment. */
export const MONEY_REFERENCES: readonly Reference[] = [
  {
    id: 'ndrc-cost-survey',
    publisher: { zh: '国家发展改革委价格司', en: 'NDRC Price Department' },
    title: { zh: '全国农产品成本收益资料汇编', en: 'National compilation of farm product costs and returns' },
    year: null,
    url: null,
    figure: {
      zh: '成本分项口径（种子、化肥、农药、机械作业、排灌、人工、保险、土地）；吉林玉米分项数未能取得',
      en: 'The cost categories (seed, fertiliser, pesticide, machinery, irrigation, labour, insurance, land); its Jilin maize figures were not reachable',
    },
    confidence: 'H',
  },
  {
    id: 'qnwtop-maize-cost-2020',
    publisher: {
      zh: '农业资讯网站（转述全国成本调查）',
      en: 'Farm news aggregator (quoting the national cost survey)',
    },
    title: { zh: '2020 年全国玉米每亩成本', en: 'National maize cost per mu, 2020' },
    year: 2020,
    url: 'https://www.qnwtop.com/nz/read-142519.html',
    figure: {
      zh: '总成本 1,079.98 元/亩；种子 50–60、化肥约 235、农药 30–80、耕地 40–80、播种 30–50、地租 300–500 元/亩',
      en: 'Total 1,079.98 yuan/mu; seed 50–60, fertiliser about 235, pesticide 30–80, tillage 40–80, sowing 30–50, rent 300–500 yuan/mu',
    },
    confidence: 'L',
  },
  {
    id: 'agtoday-costs-2025',
    publisher: { zh: 'AgToday', en: 'AgToday' },
    title: {
      zh: '中国农民种稻谷和玉米能挣多少钱',
      en: 'How much can Chinese farmers earn from growing rice and corn?',
    },
    year: 2025,
    url: 'https://agtoday.info/2025/07/13/how-much-can-chinese-farmers-earn-from-growing-rice-and-corn',
    figure: {
      zh: '玉米：化肥 130–220、农药 30–80、灌溉 30–80、机械 150–240、地租 300–1,000 元/亩，净利润 −130 至 770 元/亩；稻谷：化肥 140–260、农药 100–200、灌溉 50–200、机械 230–350 元/亩',
      en: 'Corn: fertiliser 130–220, pesticide 30–80, irrigation 30–80, machinery 150–240, rent 300–1,000 yuan/mu, net −130 to 770 yuan/mu; rice: fertiliser 140–260, pesticide 100–200, irrigation 50–200, machinery 230–350 yuan/mu',
    },
    confidence: 'L',
  },
  {
    id: 'grower-account-ne',
    publisher: {
      zh: 'mysheen 农业资讯（东北种粮大户算账）',
      en: 'mysheen farm news (a NE grower’s own account)',
    },
    title: { zh: '玉米收购改革后种粮收益', en: 'Grower returns after the maize purchasing reform' },
    year: null,
    url: 'https://mysheen.com/a869896',
    figure: {
      zh: '流转地每亩：流转费 500 元，化肥种子农药机耕 430 元；自有地每亩盈利约 480 元，流转地约 20 元（不含补贴）。网页 2024 年发布，所述为 2016 年收储改革当年',
      en: 'Per rented mu: rent 500 yuan, fertiliser, seed, pesticide and tillage 430; profit about 480 yuan/mu on own land and 20 on rented land (before subsidy). Page dated 2024; it describes the 2016 reform year',
    },
    confidence: 'L',
  },
  {
    id: 'maize-price-2024',
    publisher: { zh: '粮食企业网站（吉粮集团新闻）', en: 'Grain company website news' },
    title: { zh: '2024 年玉米价格走势', en: 'Maize prices in 2024' },
    year: 2024,
    url: 'https://jygylgroup.com/shouyeqiyexinwen_en/647.html',
    figure: {
      zh: '产区 14% 水分玉米 1.14–1.18 元/斤（上半年），9 月底 1.00–1.05 元/斤；潮粮 0.7–0.8 元/斤',
      en: 'Dry maize 1.14–1.18 yuan/jin in the first half, 1.00–1.05 by end-September; wet grain 0.7–0.8 yuan/jin',
    },
    confidence: 'L',
  },
  {
    id: 'rice-minimum-price-2024',
    publisher: { zh: '国家发展改革委（FAO 政策档案摘要）', en: 'NDRC (FAO policy archive summary)' },
    title: { zh: '2024 年稻谷最低收购价', en: '2024 minimum purchase prices for rice' },
    year: 2024,
    url: 'https://www.fao.org/markets-and-trade/commodity-policy-archive/detail/en/c/768598/',
    figure: { zh: '粳稻 131 元/50 kg（2.62 元/kg）', en: 'Japonica paddy 131 yuan/50 kg (2.62 yuan/kg)' },
    confidence: 'H',
  },
  {
    id: 'soy-price-anchors',
    publisher: { zh: '第一财经；SCIRP 作物预算', en: 'Yicai; SCIRP crop budget' },
    title: { zh: '大豆价格参照', en: 'Soybean price anchors' },
    year: 2023,
    url: 'https://www.yicaiglobal.com/news/china-grain-giant-sinograin-hikes-price-for-last-year-soybean-crop-to-encourage-farmers',
    figure: {
      zh: '未找到 2024 年东北大豆价格；参照 3.76 元/kg 与中储粮 2.78 元（单位可能为斤）',
      en: 'No 2024 NE soybean price found; anchors 3.76 yuan/kg and Sinograin’s 2.78 (unit possibly per jin)',
    },
    confidence: 'L',
  },
  {
    id: 'scirp-crop-budget',
    publisher: { zh: 'SCIRP 期刊', en: 'SCIRP journal' },
    title: { zh: '东北作物预算示例', en: 'Example NE crop budget' },
    year: null,
    url: 'https://html.scirp.org/file/_5-3002540_1.htm',
    figure: {
      zh: '玉米 10,500 kg/ha、成本 10,500 元/ha；大豆 3,000 kg/ha',
      en: 'Maize 10,500 kg/ha at a cost of 10,500 yuan/ha; soybean 3,000 kg/ha',
    },
    confidence: 'L',
  },
  {
    id: 'gongzhuling-subsidy-2022',
    publisher: { zh: 'Sitonia Consulting', en: 'Sitonia Consulting' },
    title: { zh: '大额补贴鼓励大豆生产', en: 'Large subsidies to encourage soybean production' },
    year: 2022,
    url: 'https://sitoniaconsulting.com/2022/09/07/large-subsidies-to-encourage-soybean-productions/',
    figure: {
      zh: '公主岭 2022：玉米 1,407、大豆 7,500、水稻 1,387 元/公顷',
      en: 'Gongzhuling 2022: maize 1,407, soybean 7,500, rice 1,387 yuan/ha',
    },
    confidence: 'M',
  },
  {
    id: 'county-insurance-table',
    publisher: { zh: '县级融媒体中心（公开表格）', en: 'A county media centre (published table)' },
    title: {
      zh: '政策性农业保险保险品种、保额、费率及保费分担表',
      en: 'Policy crop insurance: products, cover, rates and premium shares',
    },
    year: null,
    url: 'https://dyrmt.com/article-153825-2.html',
    figure: {
      zh: '玉米（完全成本）保额 800 元/亩、费率 4.5%、保费 36 元/亩，农户缴费 25%（非吉林县份）',
      en: 'Maize full-cost cover 800 yuan/mu, rate 4.5 %, premium 36 yuan/mu, farmer pays 25 % (a county outside Jilin)',
    },
    confidence: 'L',
  },
  {
    id: 'full-cost-insurance-2024',
    publisher: { zh: '财政部、农业农村部等', en: 'Ministry of Finance, MARA and others' },
    title: {
      zh: '三大粮食作物完全成本保险和种植收入保险全面实施',
      en: 'Full-cost and income insurance for the three staple grains, all major grain counties',
    },
    year: 2024,
    url: null,
    figure: {
      zh: '2024 年起覆盖全部产粮大县；示例保费约 27 元/亩，农户自缴约 20%',
      en: 'All major grain counties from 2024; an example premium of about 27 yuan/mu with the farmer paying about 20 %',
    },
    confidence: 'M',
  },
  {
    id: 'drip-cost-2017',
    publisher: { zh: '农业技术网站', en: 'Farm-technology website' },
    title: { zh: '膜下滴灌成本核算', en: 'Drip-under-film cost account' },
    year: 2017,
    url: null,
    figure: {
      zh: '约 100 元/亩/年（设备 10 年、滴灌带 2 年折旧）',
      en: 'About 100 yuan/mu/yr (equipment over 10 years, tape over 2)',
    },
    confidence: 'L',
  },
  {
    id: 'nongzi-drip',
    publisher: { zh: '农资网', en: 'nongzi.net' },
    title: { zh: '水肥一体化设备寿命与节肥', en: 'Fertigation equipment life and fertiliser savings' },
    year: null,
    url: null,
    figure: {
      zh: '首部约 15 年、地埋干管约 30 年；节肥 10–20 元/亩',
      en: 'Head unit about 15 years, buried mains about 30; fertiliser saving 10–20 yuan/mu',
    },
    confidence: 'L',
  },
  {
    id: 'fengshou-example',
    publisher: { zh: '丰收规划（本软件）', en: 'Fengshou Planner (this software)' },
    title: {
      zh: '示例值：未找到出处，请本社按实际修改',
      en: 'Example value: no source found; set your co-op’s own',
    },
    year: null,
    url: null,
    figure: {
      zh: '示例数，范围放宽，待核实',
      en: 'An example figure with a wide range, not verified',
    },
    confidence: 'UNVERIFIED',
  },
]
