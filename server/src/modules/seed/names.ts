/**
 * Name data for the synthetic county.
 *
 * Surnames: the order and rough shares follow the Ministry of Public Security's annual surname
 * reports (2019-2020 editions: 王 李 张 刘 陈 ≈ 30% of the population together), adjusted for Anhui:
 * southern surnames (覃 韦 莫 黎 廖 ...) are scaled down, Anhui-common ones (汪 程 方 胡 许 陶 余 储 葛 檀
 * 查 鲍 詹 操 凌 桂 ...) up. Weights are per 10,000 people; the tail of rarer surnames is omitted, so the
 * listed ones are renormalised.
 *
 * Given names: character pools by birth cohort (the fashions described in the same reports and in the
 * usual accounts of naming fashions: 秀英/桂兰 before 1950, 建国/国庆/卫东 in the 1950s-1970s, single
 * characters 伟/静/丽 in the 1980s-90s, 浩/宇/欣/婷 around 2000, 子轩/梓涵/一诺 after 2010). Shares of
 * single-character given names by cohort are assumptions (about 12% before 1950 rising to about 30%
 * for the 1980s and falling under 10% after 2005).
 */

/** Surname and weight per 10,000 people, e.g. 王710. */
const SURNAME_TABLE =
  '王710 李700 张690 刘540 陈470 杨300 黄220 赵210 吴240 周210 徐200 孙170 马130 朱150 胡180 郭110 ' +
  '何110 林80 高105 罗80 郑85 梁70 谢75 宋85 唐80 许110 韩70 邓55 冯70 曹75 彭60 曾35 ' +
  '肖55 田55 董60 潘55 袁55 蔡50 蒋55 余75 于45 杜50 叶55 程90 魏45 苏45 吕45 丁50 ' +
  '任40 卢40 姚50 沈35 钟25 姜35 崔30 谭20 陆35 范35 汪110 廖15 石35 金35 韦8 贾30 ' +
  '夏40 付30 方70 邹25 熊25 白25 孟25 秦25 邱25 侯25 江40 尹20 薛25 闫20 段20 雷20 ' +
  '龙12 黎8 史22 陶35 贺18 毛20 郝15 顾20 龚20 邵20 万25 武18 钱20 戴22 严18 孔15 ' +
  '向10 常15 储30 葛25 檀8 查10 鲍12 詹12 凌10 操8 桂8 童12 鲁12 章18 倪15 殷10 ' +
  '柏5 管10 左8 代10 岳8 祝8';

export const SURNAME_WEIGHTS: readonly (readonly [string, number])[] = SURNAME_TABLE.split(' ').map((t) => {
  const m = /^(\D+)(\d+)$/.exec(t);
  if (!m) throw new Error(`bad surname entry ${t}`);
  return [m[1]!, Number(m[2])] as const;
});

/** Birth cohorts with their own naming fashion. */
export type NameEra = 'e1' | 'e2' | 'e3' | 'e4' | 'e5' | 'e6';

export function nameEra(birthYear: number): NameEra {
  if (birthYear < 1950) return 'e1';
  if (birthYear < 1966) return 'e2';
  if (birthYear < 1980) return 'e3';
  if (birthYear < 1995) return 'e4';
  if (birthYear < 2010) return 'e5';
  return 'e6';
}

export interface GivenNamePool {
  /** Share of single-character given names in this cohort and sex. */
  singleShare: number;
  /** Single-character given names. */
  single: string;
  /** Common whole two-character given names (space separated). */
  whole: string;
  /** Characters for the first and second place of composed two-character given names. */
  first: string;
  second: string;
}

type Pools = Record<NameEra, { m: GivenNamePool; f: GivenNamePool }>;

export const GIVEN_NAMES: Pools = {
  e1: {
    m: {
      singleShare: 0.12,
      single: '福贵财富忠义宝明友金山林发旺德存顺有荣华胜',
      whole:
        '德华 德胜 德明 长福 长贵 家宝 永贵 永福 广才 广福 国富 有财 有福 金山 春林 福生 德才 少华 发财 万福 玉山 宝山 兴旺 传家 大忠 正德 守义 家昌 世荣 炳炎',
      first: '德长家永广国有金春福玉宝兴传正守世万少大明立树开',
      second: '华胜明福贵宝才富山林生旺荣义忠昌堂成发全海田祥喜',
    },
    f: {
      singleShare: 0.1,
      single: '英兰珍凤秀芳香翠花梅',
      whole:
        '秀英 桂兰 玉兰 桂英 秀兰 凤英 秀珍 玉珍 兰英 翠英 桂芳 玉英 秀芳 凤兰 桂香 玉梅 素珍 淑珍 金花 银花 翠兰 月英 美英 招弟 小妹 桂珍 德英 菊英 春兰 秀云',
      first: '秀桂玉凤兰翠素淑金银月美菊春德',
      second: '英兰珍芳香梅花云凤琴贞荣',
    },
  },
  e2: {
    m: {
      singleShare: 0.16,
      single: '军华明平强国林忠兵勇斌光',
      whole:
        '建国 建华 国强 国华 建军 国庆 援朝 跃进 建平 志刚 卫国 国平 建新 和平 新民 振华 志强 国良 德明 长春 立新 永红 光明 文华 建中 国兴 兴华 解放 胜利 家明',
      first: '建国志卫立永光文新振家德长庆兴胜和',
      second: '国华军平强新民明良刚中兴林春华成祥友',
    },
    f: {
      singleShare: 0.14,
      single: '英兰梅芳华珍红琴霞萍',
      whole:
        '秀梅 桂芳 红梅 秀芳 淑珍 丽华 玉梅 凤兰 秀华 素梅 桂珍 秀云 玉华 美华 建华 国英 凤霞 秀琴 金凤 玉芳 冬梅 春华 桂花 爱华 小英 秀英 桂荣 玉琴 秀兰 美兰',
      first: '秀桂玉凤美丽淑素春冬金爱小国建',
      second: '梅芳华兰珍英霞琴云凤荣花莲',
    },
  },
  e3: {
    m: {
      singleShare: 0.22,
      single: '军兵平勇红东伟斌华刚林强明峰',
      whole:
        '卫东 红军 卫国 向东 红兵 建军 卫红 永红 爱国 志刚 建平 海军 学军 跃华 红星 国庆 东升 卫兵 文革 建设 向阳 志红 新华 光辉 立平 小平 春生 金龙 冬生 长江',
      first: '卫红向建永爱志海学跃东光立小春金冬长新国德',
      second: '东军兵国红平华刚强明生龙辉阳江林峰勇',
    },
    f: {
      singleShare: 0.24,
      single: '红霞芳萍英华玲梅琴燕莉娟云',
      whole:
        '红霞 红梅 红英 卫红 小红 丽萍 玉霞 红艳 春梅 秀云 红玲 桂香 爱萍 晓红 丽华 海燕 春燕 冬梅 向红 玉兰 红芳 小琴 美玲 金莲 彩霞 红娟 素琴 小平 秀娟 红云',
      first: '红卫小丽玉春秀爱晓美海彩素金冬桂',
      second: '霞梅英红萍华艳玲燕云芳琴娟兰莲香',
    },
  },
  e4: {
    m: {
      singleShare: 0.32,
      single: '伟勇军磊涛斌杰强刚波辉超鹏俊亮峰明健飞龙浩',
      whole:
        '海涛 志强 建华 小龙 志伟 建军 晓东 海波 俊杰 文杰 志勇 永强 国栋 大伟 小兵 晓明 宏伟 长江 海龙 家伟 建平 玉龙 俊峰 少华 春雷 立强 宏亮 金波 晓峰 亚东',
      first: '海志建小晓俊文永国大宏长家玉少春立金亚明',
      second: '涛强华龙伟军东波杰勇栋明峰亮雷斌辉林飞平',
    },
    f: {
      singleShare: 0.34,
      single: '丽静敏燕艳娟霞芳玲婷琳娜丹洁莉红慧颖',
      whole:
        '丽娟 海燕 春燕 小红 晓燕 丽丽 静静 婷婷 晓丽 小燕 玉婷 艳红 丽萍 秀娟 晓梅 雪梅 丽娜 亚男 晓静 金凤 小梅 春霞 明月 俊英 红霞 晓敏 小芳 丹丹 玲玲 雪莲',
      first: '丽海春小晓玉艳雪亚俊红明秀静金',
      second: '娟燕红丽梅婷萍霞敏芳静莉娜玲洁凤',
    },
  },
  e5: {
    m: {
      singleShare: 0.2,
      single: '浩鹏宇杰帅磊鑫超强亮阳晨凯旭龙坤康',
      whole:
        '俊杰 浩然 家豪 文博 志远 天宇 子豪 浩宇 佳豪 明轩 俊豪 宇航 文杰 晨阳 浩楠 一鸣 鹏飞 志豪 思远 梓豪 家乐 俊宇 嘉豪 子健 雨轩 凯文 宇豪 博文 振宇 子龙',
      first: '俊浩家文志天子佳明宇晨一鹏思梓嘉振博雨凯',
      second: '杰然豪博远宇航轩阳楠鸣飞乐健龙文辉涛伟鑫',
    },
    f: {
      singleShare: 0.2,
      single: '婷雪倩悦佳欣琪颖蕾璐瑶萱丹洁',
      whole:
        '婷婷 雨婷 梦瑶 佳慧 思雨 静怡 晓雯 欣怡 佳琪 雨欣 梦婷 雪婷 佳怡 文静 诗雨 雨晴 梦洁 思佳 紫涵 欣然 语嫣 晓琳 慧敏 倩倩 心怡 子涵 雪晴 梦雪 嘉欣 佳佳',
      first: '雨梦佳思静晓欣诗语慧心紫雪嘉文子',
      second: '婷瑶慧雨怡雯琪欣涵晴洁佳琳敏然萱',
    },
  },
  e6: {
    m: {
      singleShare: 0.08,
      single: '浩宇轩睿哲泽辰航凯晨',
      whole:
        '子轩 浩然 宇轩 梓轩 浩宇 一诺 沐宸 宇泽 梓睿 奕辰 俊熙 皓轩 子墨 梓豪 宇辰 思源 浩轩 锦程 铭泽 子睿 明哲 嘉懿 梓航 睿泽 煜祺 承泽 昊然 若宇 逸辰 沐阳',
      first: '子浩宇梓一沐奕俊皓锦铭嘉睿煜承昊若逸思明',
      second: '轩然宇诺宸泽睿辰熙墨豪源程哲航阳祺晨凡',
    },
    f: {
      singleShare: 0.07,
      single: '萱涵悦瑶琪妍诺溪',
      whole:
        '梓涵 欣怡 诗涵 梓萱 若汐 语桐 一诺 可馨 思琪 雨桐 紫萱 依诺 语汐 梦琪 子涵 佳怡 欣妍 梓琪 诗琪 雨涵 安琪 沐晴 可欣 芷若 静怡 若曦 梓彤 一涵 晨曦 芊芊',
      first: '梓欣诗若语可思雨紫依梦佳沐芷静晨一安',
      second: '涵怡萱汐桐馨琪诺妍彤曦晴欣若悦瑶',
    },
  },
};

// ---- Place names -------------------------------------------------------------------------------

/** Second characters of village and natural-village (村民小组) names after a surname: 王湾, 李岗, 孙郢 ... */
export const PLACE_FEATURES = '庄湾岗集圩冲店桥楼郢营塘畈洼寨坊埠铺岭山河湖井堰墩嘴港坝园店台沟棚坎';

/** Village-name prefixes from landscape and plants: 桃园, 石门, 龙潭, 凤凰 ... */
export const NATURE_PREFIXES = '桃杏梅竹松柳枫青石龙凤白黄金银油茶栗花荷莲柏槐枣樟桑泉云';

/** Whole two-character village names of the collective era and after: 新华, 红星, 团结 ... */
export const WHOLE_VILLAGE_NAMES =
  '新华 红星 光明 团结 新建 和平 胜利 幸福 民主 联合 永丰 丰收 先锋 东风 红旗 东方 永安 长丰 太平 万福 ' +
  '新民 前进 向阳 跃进 建设 新农 合心 兴隆 富强 同心 新河 新塘 永兴 长岭 龙潭 凤凰 石门 桃园 杏花 梅林 ' +
  '竹园 松林 枫香 青山 白果 黄土 金桥 银山 油坊 茶园 板栗 花园 双河 三河 双塘 五里 七里 十里 三岔 九龙 ' +
  '双龙 四合 五星 六合 八里 两河 双桥 三元 百花 千秋';

export const NUMERAL_PREFIXES = '双三四五六七八九十两';

export const DIRECTION_PREFIXES = '东西南北前后中上下';

/** Street names in town seats (residents' committees). */
export const STREET_NAMES =
  '人民路 解放路 建设路 新华路 文化路 中山路 府前街 老街 新街 商贸街 育才路 幸福路 和平路 民主路 ' +
  '健康路 工业路 车站路 滨河路 迎宾大道 北京路 长江路 淮河路 振兴路 朝阳路 东风路 青年路 光明街 南门街';

/** Residents' committee names in a town seat (besides the one named after the town). */
export const COMMUNITY_NAMES =
  '城关 东城 西城 南城 北城 新街 老街 朝阳 民主 红星 新华 东风 人民 城东 城西 河东 河西 新城 长安 解放';

export const CHINESE_NUMERALS = [
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
  '十四',
  '十五',
  '十六',
  '十七',
  '十八',
  '十九',
  '二十',
  '二十一',
  '二十二',
  '二十三',
  '二十四',
  '二十五',
  '二十六',
  '二十七',
  '二十八',
  '二十九',
  '三十',
] as const;

/** Places a few non-registered (非户籍) residents, mostly in-married wives, come from. */
export const OUTSIDE_PLACES = [
  '河南省信阳市固始县',
  '河南省信阳市商城县',
  '湖北省黄冈市英山县',
  '湖北省黄冈市罗田县',
  '安徽省六安市霍邱县',
  '安徽省安庆市岳西县',
  '安徽省阜阳市临泉县',
  '安徽省合肥市肥西县',
  '江苏省徐州市睢宁县',
  '江西省九江市修水县',
  '四川省达州市宣汉县',
  '贵州省毕节市威宁县',
] as const;

/** Free text for some coded choices. */
export const TUMOUR_NOTES = [
  '肺癌',
  '胃癌',
  '食管癌',
  '肝癌',
  '结直肠癌',
  '乳腺癌',
  '宫颈癌',
  '鼻咽癌',
] as const;
export const OTHER_DISEASE_NOTES = [
  '慢性胃炎',
  '腰椎间盘突出',
  '颈椎病',
  '骨关节炎',
  '痛风',
  '慢性支气管炎',
  '胆囊结石',
  '前列腺增生',
  '白内障',
  '甲状腺功能减退',
] as const;
export const SURGERY_NAMES = [
  '阑尾切除术',
  '胆囊切除术',
  '腹股沟疝修补术',
  '白内障摘除术',
  '剖宫产术',
  '子宫肌瘤剔除术',
  '甲状腺部分切除术',
  '股骨头置换术',
  '输尿管结石取石术',
  '痔疮手术',
] as const;
export const TRAUMA_NAMES = [
  '左桡骨骨折',
  '右胫腓骨骨折',
  '肋骨骨折',
  '腰椎压缩性骨折',
  '头皮裂伤',
  '右手指外伤',
  '股骨颈骨折',
] as const;
export const TRANSFUSION_NAMES = ['手术输血', '产后出血输血', '外伤失血输血', '贫血输血'] as const;
export const HEREDITARY_NAMES = ['血友病', '地中海贫血', '先天性耳聋', '多囊肾'] as const;
export const OTHER_ALLERGY_NOTES = ['头孢类', '阿司匹林', '安乃近', '庆大霉素'] as const;
