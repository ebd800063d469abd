import type { Reference } from './types'

/** Publications behind the yield side of the model: HSF, density, water, heat, yields, variability. */
export const AGRONOMY_REFERENCES: readonly Reference[] = [
  {
    id: 'mara-hsf-2021',
    publisher: { zh: '人民网英文版（农业农村部副部长）', en: 'People’s Daily Online (MARA vice-minister)' },
    title: {
      zh: '高标准农田使粮食产能每亩提高 10%–20%',
      en: 'High-standard farmland raised grain capacity per mu by 10–20 %',
    },
    year: 2021,
    url: 'http://en.people.cn/n3/2021/0917/c90000-9897625.html',
    figure: {
      zh: '高标准农田增产 10%–20%，节本增效约每亩 500 元',
      en: 'HSF yield +10–20 %; costs and gains about 500 yuan/mu',
    },
    confidence: 'H',
  },
  {
    id: 'stdaily-hsf-2023',
    publisher: { zh: '科技日报', en: 'Science and Technology Daily' },
    title: { zh: '高标准农田建设投入与成效', en: 'High-standard farmland: funds and results' },
    year: 2023,
    url: 'https://stdaily.com/web/English/2023-03/02/content_1915763.html',
    figure: {
      zh: '中央资金约每亩 1,000–1,100 元；部分省份亩均投入提高到 3,000 元；建设由政府资金承担',
      en: 'Central funds about 1,000–1,100 yuan/mu; some provinces raised investment to 3,000 yuan/mu; built with public money',
    },
    confidence: 'M',
  },
  {
    id: 'globaltimes-hsf-2013',
    publisher: { zh: '环球时报', en: 'Global Times' },
    title: { zh: '全国高标准农田建设规划', en: 'National plan for high-standard farmland' },
    year: 2013,
    url: 'https://www.globaltimes.cn/content/827842.shtml',
    figure: { zh: '每亩投入 1,000–2,000 元', en: 'Investment 1,000–2,000 yuan/mu' },
    confidence: 'M',
  },
  {
    id: 'cctv-hsf-saving',
    publisher: { zh: '央视新闻', en: 'CCTV News' },
    title: { zh: '高标准农田节肥节药', en: 'HSF saves fertiliser and pesticide' },
    year: 2023,
    url: null,
    figure: {
      zh: '化肥 −13%、农药 −19%，折纯节本约每亩 30–60 元',
      en: 'Fertiliser −13 %, pesticide −19 %: a pure cost saving of about 30–60 yuan/mu',
    },
    confidence: 'M',
  },
  {
    id: 'press-2024-contractor',
    publisher: {
      zh: '2024 年 4 月吉林粮食生产报道中的施工方',
      en: 'Contractor quoted in the April 2024 Jilin grain report',
    },
    title: { zh: '“当年完工当年见效”', en: '“Built this year, effective this year”' },
    year: 2024,
    url: null,
    figure: { zh: '高标准农田建成当年见效', en: 'HSF takes effect in the year it is built' },
    confidence: 'L',
  },
  {
    id: 'ksu-seeding-trial',
    publisher: { zh: 'KSU–UGA R 工作坊公开数据', en: 'KSU–UGA R workshop public data' },
    title: { zh: '玉米播种密度四重复试验', en: 'Four-replicate maize seeding-rate trial' },
    year: null,
    url: null,
    figure: {
      zh: '二次拟合 Y = −0.976 + 0.30894·SR − 0.0016061·SR²；6 万→7 万株 +8.5%',
      en: 'Quadratic fit Y = −0.976 + 0.30894·SR − 0.0016061·SR²; 60 k → 70 k gives +8.5 %',
    },
    confidence: 'M',
  },
  {
    id: 'scirep-2022-density',
    publisher: { zh: 'Scientific Reports', en: 'Scientific Reports' },
    title: {
      zh: '先玉335 与富民985 在 4.5/6.5/8.5 万株下的产量与倒伏',
      en: 'Xianyu 335 and Fumin 985 at 45 k/65 k/85 k plants/ha: yield and lodging',
    },
    year: 2022,
    url: 'https://www.nature.com/articles/s41598-022-18908-z',
    figure: {
      zh: '8.5 万株时富民985 产量更高、倒伏更少',
      en: 'At 85 k plants/ha Fumin 985 yielded more and lodged less',
    },
    confidence: 'H',
  },
  {
    id: 'ne-density-synthesis',
    publisher: { zh: 'Agronomy 2023 等东北密度试验', en: 'Agronomy 2023 and other NE China density trials' },
    title: { zh: '东北春玉米适宜密度', en: 'Optimum densities of NE China spring maize' },
    year: 2023,
    url: 'https://doi.org/10.3390/agronomy13051333',
    figure: {
      zh: '雨养吉林中部 6.5–8 万株/公顷；滴灌 7.5–9 万株/公顷',
      en: 'Rainfed central Jilin 65–80 k plants/ha; drip 75–90 k plants/ha',
    },
    confidence: 'M',
  },
  {
    id: 'ne-subsurface-drip',
    publisher: {
      zh: '东北半干旱区浅埋滴灌试验（2017–2018）',
      en: 'Semi-arid NE China shallow drip trial (2017–18)',
    },
    title: {
      zh: '浅埋滴灌提高春玉米产量与水氮利用效率',
      en: 'Subsurface shallow drip raised spring-maize yield and water and N use',
    },
    year: 2019,
    url: 'https://www.shin-norinco.com/article/subsurface-shallow-drip-irrigation-improved-the-yield-and-water-nitrogen-use-efficiency-of-spring-maize-in-the-semiarid-region-of-northeast-china',
    figure: {
      zh: '浅埋滴灌比沟灌增产 11.3%，地表滴灌 +16.2%',
      en: 'Shallow drip +11.3 % and surface drip +16.2 % over furrow',
    },
    confidence: 'M',
  },
  {
    id: 'hlj-irrigation',
    publisher: { zh: '黑龙江半干旱区灌溉方式试验', en: 'Heilongjiang semi-arid irrigation-method trial' },
    title: { zh: '不同灌溉方式对玉米产量的影响', en: 'Irrigation methods and maize yield' },
    year: null,
    url: 'https://www.soulun.net/periodical/bbcee4726b7aaff7985fa64535dda260.html',
    figure: {
      zh: '比沟灌：喷灌 +11.7%，膜下滴灌 +28.3%',
      en: 'Over furrow: sprinkler +11.7 %, drip under film +28.3 %',
    },
    confidence: 'M',
  },
  {
    id: 'maize-climate-zones',
    publisher: { zh: '玉米种植适宜气候区（网页表格）', en: 'Maize climate-zone table (web page)' },
    title: { zh: '玉米熟期类型与所需积温', en: 'Maize maturity classes and heat needed' },
    year: null,
    url: null,
    figure: {
      zh: '早熟 2,100–2,400、中熟 2,400–2,700、晚熟 2,700–3,000 °C；东北中部约 2,700 °C',
      en: 'Early 2,100–2,400, mid 2,400–2,700, late 2,700–3,000 °C; NE centre about 2,700 °C',
    },
    confidence: 'L',
  },
  {
    id: 'liu-2021-maturity',
    publisher: {
      zh: 'Journal of the Science of Food and Agriculture',
      en: 'Journal of the Science of Food and Agriculture',
    },
    title: {
      zh: '东北玉米熟期组与积温（1960–2018）',
      en: 'NE China maize maturity groups and heat (1960–2018)',
    },
    year: 2021,
    url: 'https://bohrium.dp.tech/paper/arxiv/5fddd321d4150a363cfeca91',
    figure: {
      zh: '早、中、晚熟约需 2,400/2,800/3,100 °C；按积温留 100–200 °C 余量',
      en: 'Early, mid, late need about 2,400 / 2,800 / 3,100 °C; keep a 100–200 °C margin',
    },
    confidence: 'H',
  },
  {
    id: 'jilin-registrations-2024',
    publisher: {
      zh: '吉林 2024 年引种备案（网页转载）',
      en: 'Jilin 2024 introduced-variety registrations (web copy)',
    },
    title: { zh: '吉林省玉米引种备案公告', en: 'Jilin maize introduction notice' },
    year: 2024,
    url: 'https://www.jiusongjiankang.com/health/news/5790058.html',
    figure: {
      zh: '中晚熟区约 2,800 °C，中早熟区约 2,400 °C，早熟区约 2,250 °C',
      en: 'Mid-late zone about 2,800 °C, mid-early about 2,400 °C, early about 2,250 °C',
    },
    confidence: 'L',
  },
  {
    id: 'jin-zhou-2012',
    publisher: { zh: '自然资源学报', en: 'Journal of Natural Resources' },
    title: { zh: '吉林省气候资源梯度与玉米生产', en: 'Jilin climate gradient and maize' },
    year: 2012,
    url: 'http://www.jnr.ac.cn/CN/abstract/abstract2472.shtml',
    figure: {
      zh: '辐射和 ≥10 °C 积温自西向东递减，降水自西向东增加',
      en: 'Radiation and the ≥10 °C heat sum fall from west to east; rainfall rises',
    },
    confidence: 'M',
  },
  {
    id: 'jilin-potential',
    publisher: {
      zh: '吉林春玉米生产潜力研究（1961–2015）',
      en: 'Jilin spring-maize production potential study (1961–2015)',
    },
    title: { zh: '吉林省春玉米气候生产潜力', en: 'Climatic production potential of Jilin spring maize' },
    year: null,
    url: 'https://jxxfw.com/periodical/aaed751f5befad668fecca215512bf7f.html',
    figure: {
      zh: '西部 7,544.5、中部 12,346.4、东部 11,878.0 kg/ha',
      en: 'West 7,544.5, centre 12,346.4, east 11,878.0 kg/ha',
    },
    confidence: 'M',
  },
  {
    id: 'gbt-33469',
    publisher: { zh: '国家标准 GB/T 33469-2016', en: 'National standard GB/T 33469-2016' },
    title: { zh: '耕地质量等级', en: 'Cultivated land quality grades' },
    year: 2016,
    url: null,
    figure: {
      zh: '耕地质量 1（最好）至 10 等；东北平均约 3.6 等（待核实）',
      en: 'Grades 1 (best) to 10; Northeast average about 3.6 (not confirmed)',
    },
    confidence: 'UNVERIFIED',
  },
  {
    id: 'mead-us-ne1',
    publisher: {
      zh: 'US-Ne1 Mead 观测站数据（GitHub 公开副本）',
      en: 'US-Ne1 Mead site data (public GitHub copy)',
    },
    title: {
      zh: '内布拉斯加 Mead 灌溉连作玉米 2001–2020',
      en: 'Mead, Nebraska irrigated continuous maize 2001–2020',
    },
    year: 2020,
    url: 'https://github.com/QiangyuLi/US-Ne1-Mead-Data-Preparation',
    figure: {
      zh: '产量趋势约 +23 kg/ha/年（约 0.2%/年）；变异系数 11.7%（不含 2010）',
      en: 'Trend about +23 kg/ha per year (about 0.2 %/yr); CV 11.7 % without 2010',
    },
    confidence: 'M',
  },
  {
    id: 'nbs-jilin-2023',
    publisher: { zh: '国家统计局 / 吉林省', en: 'National Bureau of Statistics / Jilin province' },
    title: { zh: '2023 年吉林粮食生产', en: 'Jilin grain production 2023' },
    year: 2023,
    url: 'http://cinic.org.cn/hy/nongye/1501135.html',
    figure: {
      zh: '粮食单产 7,186.4 kg/ha（479.1 kg/亩），主产省第一',
      en: 'Grain yield 7,186.4 kg/ha (479.1 kg/mu), first among major producing provinces',
    },
    confidence: 'H',
  },
  {
    id: 'jilin-household-survey',
    publisher: {
      zh: 'dimsums 博客（转述吉林省统计局调查队）',
      en: 'dimsums blog (on a Jilin statistics survey)',
    },
    title: { zh: '吉林 200 户玉米成本收益调查', en: 'Jilin 200-household maize cost survey' },
    year: 2012,
    url: 'http://dimsums.blogspot.com/2012/01/corn-get-big-or-get-out.html',
    figure: { zh: '农户玉米亩产约 750 kg', en: 'Household maize about 750 kg/mu' },
    confidence: 'L',
  },
  {
    id: 'yield-variability',
    publisher: {
      zh: 'Wageningen 大学；Scientific Reports 2020',
      en: 'Wageningen University; Scientific Reports 2020',
    },
    title: {
      zh: '北方旱作玉米年际波动与东北减产风险',
      en: 'Dryland maize variability and NE China yield-loss risk',
    },
    year: 2020,
    url: 'https://www.pubmed.gov/32606437/',
    figure: {
      zh: '旱作玉米干湿年产量相差 200% 以上（变异系数约 25–30%）；吉林属减产风险最高一类',
      en: 'Dryland maize varies over 200 % between dry and wet years (CV about 25–30 %); Jilin in the highest loss-risk class',
    },
    confidence: 'M',
  },
  {
    id: 'drought-2009',
    publisher: { zh: 'dimsums 博客', en: 'dimsums blog' },
    title: { zh: '2009 年东北干旱减产', en: 'NE China 2009 drought losses' },
    year: 2010,
    url: 'http://dimsums.blogspot.com/2010/08/liaoning-corn-production-down-226-last.html',
    figure: {
      zh: '辽宁单产 −19%，吉林玉米总产 −13.1%',
      en: 'Liaoning yield −19 %, Jilin maize output −13.1 %',
    },
    confidence: 'L',
  },
]
