/**
 * The 31 provincial-level regions of the mainland, weighted by how many full-time teachers
 * (专任教师) work there, with a few cities each (the capital first).
 *
 * Teacher numbers: approximate counts in units of 10,000, all school levels, rounded from
 * the National Bureau of Statistics yearbook (中国统计年鉴 2023, education by region) and
 * the MOE 2023 statistical bulletin (national total ≈ 18.85 million, SPEC §8). They are
 * relative weights only (the table sums to ≈ 17.3 million, the remainder being teachers not
 * attributed to a region); check against the yearbook before quoting an absolute share.
 *
 * Cities: `area` is a real county-level code of that city (GB/T 2260, the first six digits
 * of a resident ID born there); `weight` favours the capital, where most teachers work.
 */
export interface City { name: string; area: string; weight: number }

export interface Province {
  code: string;
  name: string;
  /** Full-time teachers, in 10,000 (approximate; see above). */
  teachers: number;
  cities: readonly City[];
}

const city = (name: string, area: string, weight = 1): City => ({ name, area, weight });

export const PROVINCES: readonly Province[] = [
  { code: '11', name: '北京市', teachers: 32, cities: [city('海淀区', '110108', 2), city('朝阳区', '110105', 2), city('东城区', '110101'), city('丰台区', '110106')] },
  { code: '12', name: '天津市', teachers: 16, cities: [city('和平区', '120101'), city('河西区', '120103'), city('南开区', '120104')] },
  { code: '13', name: '河北省', teachers: 95, cities: [city('石家庄市', '130102', 2), city('唐山市', '130202'), city('保定市', '130602'), city('邯郸市', '130402'), city('沧州市', '130902')] },
  { code: '14', name: '山西省', teachers: 42, cities: [city('太原市', '140105', 2), city('大同市', '140213'), city('运城市', '140802'), city('长治市', '140403')] },
  { code: '15', name: '内蒙古自治区', teachers: 27, cities: [city('呼和浩特市', '150102', 2), city('包头市', '150203'), city('赤峰市', '150402')] },
  { code: '21', name: '辽宁省', teachers: 42, cities: [city('沈阳市', '210102', 2), city('大连市', '210202', 2), city('鞍山市', '210302')] },
  { code: '22', name: '吉林省', teachers: 26, cities: [city('长春市', '220102', 2), city('吉林市', '220202'), city('四平市', '220302')] },
  { code: '23', name: '黑龙江省', teachers: 30, cities: [city('哈尔滨市', '230102', 2), city('齐齐哈尔市', '230202'), city('大庆市', '230602')] },
  { code: '31', name: '上海市', teachers: 25, cities: [city('浦东新区', '310115', 2), city('黄浦区', '310101'), city('徐汇区', '310104')] },
  { code: '32', name: '江苏省', teachers: 100, cities: [city('南京市', '320102', 2), city('苏州市', '320505', 2), city('无锡市', '320213'), city('徐州市', '320302')] },
  { code: '33', name: '浙江省', teachers: 78, cities: [city('杭州市', '330102', 2), city('宁波市', '330203'), city('温州市', '330302'), city('金华市', '330702')] },
  { code: '34', name: '安徽省', teachers: 70, cities: [city('合肥市', '340102', 2), city('芜湖市', '340202'), city('阜阳市', '341202')] },
  { code: '35', name: '福建省', teachers: 50, cities: [city('福州市', '350102', 2), city('厦门市', '350203'), city('泉州市', '350502'), city('漳州市', '350602')] },
  { code: '36', name: '江西省', teachers: 55, cities: [city('南昌市', '360102', 2), city('赣州市', '360702'), city('九江市', '360402'), city('上饶市', '361102')] },
  { code: '37', name: '山东省', teachers: 125, cities: [city('济南市', '370102', 2), city('青岛市', '370202', 2), city('临沂市', '371302'), city('潍坊市', '370702')] },
  { code: '41', name: '河南省', teachers: 140, cities: [city('郑州市', '410102', 2), city('洛阳市', '410302'), city('南阳市', '411302'), city('周口市', '411602')] },
  { code: '42', name: '湖北省', teachers: 72, cities: [city('武汉市', '420102', 2), city('襄阳市', '420602'), city('宜昌市', '420502')] },
  { code: '43', name: '湖南省', teachers: 82, cities: [city('长沙市', '430102', 2), city('衡阳市', '430405'), city('株洲市', '430202'), city('邵阳市', '430502')] },
  { code: '44', name: '广东省', teachers: 175, cities: [city('广州市', '440103', 2), city('深圳市', '440303', 2), city('东莞市', '441900'), city('佛山市', '440604'), city('湛江市', '440802')] },
  { code: '45', name: '广西壮族自治区', teachers: 62, cities: [city('南宁市', '450102', 2), city('柳州市', '450202'), city('桂林市', '450302'), city('玉林市', '450902')] },
  { code: '46', name: '海南省', teachers: 12, cities: [city('海口市', '460105', 2), city('三亚市', '460202')] },
  { code: '50', name: '重庆市', teachers: 37, cities: [city('渝中区', '500103'), city('万州区', '500101'), city('江北区', '500105')] },
  { code: '51', name: '四川省', teachers: 95, cities: [city('成都市', '510104', 3), city('绵阳市', '510703'), city('南充市', '511302'), city('宜宾市', '511502')] },
  { code: '52', name: '贵州省', teachers: 48, cities: [city('贵阳市', '520102', 2), city('遵义市', '520302'), city('毕节市', '520502')] },
  { code: '53', name: '云南省', teachers: 55, cities: [city('昆明市', '530102', 2), city('曲靖市', '530302'), city('大理白族自治州', '532901')] },
  { code: '54', name: '西藏自治区', teachers: 5, cities: [city('拉萨市', '540102', 2), city('日喀则市', '540202')] },
  { code: '61', name: '陕西省', teachers: 50, cities: [city('西安市', '610102', 3), city('宝鸡市', '610302'), city('咸阳市', '610402')] },
  { code: '62', name: '甘肃省', teachers: 32, cities: [city('兰州市', '620102', 2), city('天水市', '620502'), city('庆阳市', '621002')] },
  { code: '63', name: '青海省', teachers: 7, cities: [city('西宁市', '630102', 2), city('海东市', '630202')] },
  { code: '64', name: '宁夏回族自治区', teachers: 8, cities: [city('银川市', '640104', 2), city('石嘴山市', '640202'), city('固原市', '640402')] },
  { code: '65', name: '新疆维吾尔自治区', teachers: 36, cities: [city('乌鲁木齐市', '650102', 2), city('喀什地区', '653101'), city('伊犁哈萨克自治州', '654002')] },
];

const byCode = new Map(PROVINCES.map((p) => [p.code, p]));

export function provinceOf(code: string): Province {
  const province = byCode.get(code);
  if (!province) throw new RangeError(`unknown province code ${code} (expected one of ${[...byCode.keys()].join(' ')})`);
  return province;
}

/** Position of a province in the table: residence permits use it to keep numbers apart. */
export function provinceRank(code: string): number {
  return PROVINCES.indexOf(provinceOf(code));
}
