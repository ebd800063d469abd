/**
 * A number with its unit ("274.7 万斤", "5.32 million yuan") is one thing to a reader: it is kept
 * on one line, while the words around it wrap as usual. The text itself is unchanged.
 */
const NUMBER_WITH_UNIT = /(?<![A-Za-z\d.,])([+\-−]?\d[\d,.]*(?: ?[^\s\d，。；：、（）()“”"',.;:]{1,3})?)/

export function KeepNumbers(props: { text: string }) {
  const parts = props.text.split(NUMBER_WITH_UNIT)
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed sentence, in order
          <span key={i} className="bp-nobr">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  )
}
