/** A piece of capital the co-op pays for: its cost now and how many years it lasts. */
export type Asset = { yuan: number; lifeYears: number }

/**
 * What an asset bought at year 0 costs over a horizon: outlays by year 0…H (the purchase, then a
 * replacement at each multiple of its life before the horizon's last year) and its salvage at the
 * horizon, valued straight-line on the life left of the last purchase.
 */
export function assetFlows(asset: Asset, horizonYears: number): { outlays: number[]; salvageYuan: number } {
  const outlays = new Array<number>(horizonYears + 1).fill(0)
  if (asset.yuan === 0) return { outlays, salvageYuan: 0 }
  const life = asset.lifeYears
  let lastPurchase = 0
  outlays[0] = asset.yuan
  for (let t = life; t < horizonYears; t += life) {
    outlays[t] = asset.yuan
    lastPurchase = t
  }
  const lifeLeft = Math.max(0, lastPurchase + life - horizonYears)
  return { outlays, salvageYuan: (asset.yuan * lifeLeft) / life }
}
