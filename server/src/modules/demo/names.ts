import type { Rng } from './prng.ts';

/**
 * Surnames with rough relative frequencies (per mille) of a northern Chinese city: the national top
 * surnames, with the local weight of 郭, 贾, 武, 郝, 闫, 薛 and the like.
 */
const surnames: readonly (readonly [string, number])[] = [
  ['王', 78],
  ['李', 72],
  ['张', 66],
  ['刘', 55],
  ['赵', 30],
  ['杨', 30],
  ['陈', 28],
  ['郭', 26],
  ['高', 20],
  ['武', 16],
  ['马', 15],
  ['孙', 15],
  ['韩', 14],
  ['贾', 14],
  ['吴', 13],
  ['周', 13],
  ['梁', 12],
  ['徐', 12],
  ['胡', 11],
  ['郝', 11],
  ['田', 11],
  ['任', 11],
  ['闫', 10],
  ['朱', 10],
  ['宋', 10],
  ['程', 9],
  ['白', 9],
  ['郑', 9],
  ['冯', 9],
  ['薛', 9],
  ['侯', 9],
  ['乔', 8],
  ['牛', 8],
  ['秦', 8],
  ['曹', 8],
  ['苏', 7],
  ['范', 7],
  ['董', 7],
  ['何', 7],
  ['段', 7],
  ['崔', 7],
  ['黄', 7],
  ['罗', 6],
  ['卫', 6],
  ['史', 6],
  ['吕', 6],
  ['杜', 6],
  ['温', 6],
  ['耿', 5],
  ['康', 5],
  ['申', 5],
  ['常', 5],
  ['邢', 5],
  ['阎', 5],
  ['许', 5],
  ['孟', 5],
  ['魏', 5],
  ['于', 5],
  ['焦', 4],
  ['霍', 4],
  ['雷', 4],
  ['谢', 4],
  ['林', 4],
  ['唐', 4],
  ['袁', 4],
  ['邓', 4],
  ['彭', 4],
  ['潘', 3],
  ['姚', 3],
  ['姜', 3],
  ['石', 3],
  ['尹', 3],
  ['路', 3],
  ['柴', 3],
  ['裴', 3],
  ['葛', 3],
  ['岳', 3],
  ['原', 2],
  ['庞', 2],
  ['靳', 2],
  ['冀', 2],
  ['丁', 2],
  ['方', 2],
  ['毛', 2],
  ['卢', 2],
  ['邵', 2],
  ['欧阳', 1],
  ['司马', 0.5],
];

/** Surnames more frequent among Hui, Manchu and Mongol families of the region. */
const minoritySurnames: Record<string, readonly string[]> = {
  回族: ['马', '马', '马', '白', '哈', '沙', '丁', '杨', '穆', '纳'],
  满族: ['关', '佟', '那', '金', '赵', '富', '傅', '肖', '王'],
  蒙古族: ['包', '鲍', '白', '韩', '吴', '云', '宝', '乌', '奇'],
  朝鲜族: ['金', '朴', '李', '崔', '郑'],
  土家族: ['田', '彭', '向', '覃'],
};

const maleFirst = '建国志文德明宏永晓俊振卫海庆东立春国爱子世新跃学向红勇光伟鹏浩博嘉宇天家思';
const maleSecond =
  '军华明强平林斌波涛峰磊刚杰辉亮锋飞超鑫忠民荣成利胜旭晨瑞龙斌刚涛彬鹏坤军伟凯辰轩然宁勋安毅';
const femaleFirst = '晓丽秀春红玉雅美慧佳海文艳淑俊思雪海小翠爱桂丹晶彩梦欣诗若';
const femaleSecond = '丽娟敏静燕艳霞红萍玲芳英梅莉婷雪琳洁慧佳颖丹晶琴蓉秀兰凤翠月楠倩璐欣悦瑶琪妍涵怡薇';
const maleSingle = '伟军强磊勇杰涛斌刚峰鹏辉明超亮波平毅冰锐昊川';
const femaleSingle = '静敏丽娟燕艳芳玲洁颖婷琳倩丹莉萍红霞蕾虹';
/** Reduplicated girls' names (婷婷, 丹丹 …) are common for women born in the 1980s. */
const femaleDouble = '婷丹晶静琳莹倩璐';

/** Names of national leaders and of the officials named in the reference reports: never generated. */
const reserved = new Set([
  '李强',
  '王毅',
  '王勇',
  '张军',
  '应勇',
  '刘鹤',
  '韩正',
  '李希',
  '蔡奇',
  '尹力',
  '王沪宁',
  '赵乐际',
  '丁薛祥',
  '何立峰',
  '陈文清',
  '王小洪',
  '吴政隆',
  '李干杰',
  '李书磊',
  '张国清',
  '刘国中',
  '张又侠',
  '何卫东',
  '李鸿忠',
  '陈敏尔',
  '袁家军',
  '黄坤明',
  '马兴瑞',
  '陈吉宁',
  '石泰峰',
  '王岐山',
  '李克强',
  '汪洋',
  '栗战书',
  '操学诚',
  '孙大军',
  '熊义志',
  '高茜',
]);

export interface NameGenerator {
  /** A person's name not yet handed out by this generator. */
  next(gender: 'male' | 'female', ethnicity?: string): string;
  /** Marks a name as taken (staff accounts with fixed names). */
  reserve(name: string): void;
}

export function createNameGenerator(rng: Rng): NameGenerator {
  const used = new Set(reserved);
  const chars = (s: string) => Array.from(s);
  const pools = {
    maleFirst: chars(maleFirst),
    maleSecond: chars(maleSecond),
    femaleFirst: chars(femaleFirst),
    femaleSecond: chars(femaleSecond),
    maleSingle: chars(maleSingle),
    femaleSingle: chars(femaleSingle),
    femaleDouble: chars(femaleDouble),
  };

  const given = (gender: 'male' | 'female'): string => {
    const r = rng.next();
    if (gender === 'male') {
      if (r < 0.22) return rng.pick(pools.maleSingle);
      let a = rng.pick(pools.maleFirst);
      let b = rng.pick(pools.maleSecond);
      while (a === b) [a, b] = [rng.pick(pools.maleFirst), rng.pick(pools.maleSecond)];
      return a + b;
    }
    if (r < 0.22) return rng.pick(pools.femaleSingle);
    if (r < 0.27) {
      const c = rng.pick(pools.femaleDouble);
      return c + c;
    }
    let a = rng.pick(pools.femaleFirst);
    let b = rng.pick(pools.femaleSecond);
    while (a === b) [a, b] = [rng.pick(pools.femaleFirst), rng.pick(pools.femaleSecond)];
    return a + b;
  };

  return {
    next(gender, ethnicity = '汉族') {
      const local = minoritySurnames[ethnicity];
      for (let attempt = 0; attempt < 1000; attempt++) {
        const surname = local && rng.chance(0.7) ? rng.pick(local) : rng.weighted(surnames);
        const name = surname + given(gender);
        if (!used.has(name)) {
          used.add(name);
          return name;
        }
      }
      throw new Error('name generator exhausted');
    },
    reserve(name) {
      used.add(name);
    },
  };
}
