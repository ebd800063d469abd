import { App, Typography } from 'antd'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { Values } from '../../../engine/assumptions/resolve'
import {
  checkDensityAgainstVariety,
  type DensityCheck,
  needsDensityConfirmation,
} from '../../../engine/rules/density-check'
import type { Crop, WaterRegime } from '../../../engine/schemas/enums'
import type { VarietyDensity } from '../../../engine/schemas/variety'
import { useWorkspace } from '../features/workspace/WorkspaceContext'

/** A density about to be set on some fields of one crop, variety and water regime. */
export type DensityCase = {
  densityPlantsPerHa: number
  crop: Crop
  waterRegime: WaterRegime
  variety: { id: number; name: string; densities: readonly VarietyDensity[] } | null
  /** how many fields it is set on */
  count: number
}

export type DensityConfirmOptions = {
  /** every variety the co-op knows, for "far from every range" */
  catalogue: readonly { crop: Crop; densities: readonly VarietyDensity[] }[]
  /** the plan's assumptions, when the form has them (the model's default maize range) */
  values?: Values
  /** the button that goes ahead ("仍然保存", "仍然应用") */
  okText: string
}

/**
 * Before a density is saved: if it lies outside the variety's safe range for the water regime, or
 * far from every range the catalogue knows, the user confirms, reading each range in their own
 * units (the rule itself is the engine's, engine/rules/density-check.ts). Resolves true to go on.
 */
export function useDensityConfirm() {
  const { modal } = App.useApp()
  const { t } = useTranslation()
  const { format } = useWorkspace()

  return useCallback(
    (cases: readonly DensityCase[], options: DensityConfirmOptions): Promise<boolean> => {
      // One line per variety × water regime × density, with how many fields it covers.
      const grouped = new Map<string, DensityCase>()
      for (const c of cases) {
        const key = `${c.crop}|${c.variety?.id ?? '-'}|${c.waterRegime}|${c.densityPlantsPerHa}`
        const seen = grouped.get(key)
        grouped.set(key, seen ? { ...seen, count: seen.count + c.count } : c)
      }
      const unit = format.densityUnitLabel
      const amount = (perHa: number) => format.densityNumber(perHa)
      const lines: string[] = []
      let unitSlip = false
      for (const c of grouped.values()) {
        const check: DensityCheck = checkDensityAgainstVariety({
          densityPlantsPerHa: c.densityPlantsPerHa,
          crop: c.crop,
          waterRegime: c.waterRegime,
          varietyDensities: c.variety?.densities ?? null,
          catalogue: options.catalogue,
          values: options.values,
        })
        if (!needsDensityConfirmation(check)) continue
        const common = {
          variety: c.variety?.name ?? t('densityCheck.noVariety', { crop: t(`crop.${c.crop}`) }),
          water: t(`water.${c.waterRegime}`),
          crop: t(`crop.${c.crop}`),
          density: amount(c.densityPlantsPerHa),
          unit,
          count: c.count,
        }
        if (check.verdict === 'below' || check.verdict === 'above') {
          lines.push(
            t(`densityCheck.${check.verdict}`, {
              ...common,
              min: amount(check.range.minPlantsPerHa),
              max: amount(check.range.maxPlantsPerHa),
            }),
          )
          unitSlip ||= check.unitSlip
        } else if (check.verdict === 'far') {
          lines.push(
            t('densityCheck.far', {
              ...common,
              min: amount(check.nearest.minPlantsPerHa),
              max: amount(check.nearest.maxPlantsPerHa),
            }),
          )
          unitSlip ||= check.unitSlip
        }
      }
      if (lines.length === 0) return Promise.resolve(true)
      return new Promise<boolean>((resolve) => {
        modal.confirm({
          title: t('densityCheck.title'),
          width: 560,
          content: (
            <div data-testid="density-confirm">
              {lines.map((line) => (
                <Typography.Paragraph key={line} style={{ marginBottom: 8 }}>
                  {line}
                </Typography.Paragraph>
              ))}
              {unitSlip && (
                <Typography.Paragraph type="warning" style={{ marginBottom: 8 }}>
                  {t('densityCheck.unitSlip', { unit })}
                </Typography.Paragraph>
              )}
              <Typography.Paragraph style={{ marginBottom: 0 }}>
                {t('densityCheck.question')}
              </Typography.Paragraph>
            </div>
          ),
          okText: options.okText,
          cancelText: t('densityCheck.back'),
          onOk: () => resolve(true),
          onCancel: () => resolve(false),
        })
      })
    },
    [modal, t, format],
  )
}
