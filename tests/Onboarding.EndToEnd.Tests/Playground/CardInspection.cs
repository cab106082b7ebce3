using Microsoft.Playwright;

namespace Onboarding.EndToEnd.Tests.Playground;

/// <summary>
/// What a person sees on a rendered card, measured in the browser: text running past the card's edge, text too faint
/// for its background (WCAG 2.1 contrast, https://www.w3.org/TR/WCAG21/#contrast-minimum), links in the card's text, and
/// how many lines a word takes. Each check returns what it found, so a failure lists every problem at once.
/// </summary>
internal static class CardInspection
{
    /// <summary>Every piece of text whose box reaches past the card's left or right edge (clipped, or spilling out).</summary>
    public static Task<string[]> OverflowsAsync(ILocator card) => card.EvaluateAsync<string[]>("""
        card => {
          const box = card.getBoundingClientRect();
          const problems = [];
          const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (!node.textContent.trim()) continue;
            const range = document.createRange();
            range.selectNodeContents(node);
            for (const rect of range.getClientRects()) {
              if (rect.width > 0 && (rect.right > box.right + 1 || rect.left < box.left - 1)) {
                problems.push(`'${node.textContent.slice(0, 50)}' runs to x=${Math.round(rect.right)}, past the card's edge at x=${Math.round(box.right)}`);
                break;
              }
            }
          }
          return problems;
        }
        """);

    /// <summary>Every text whose contrast with what is behind it is below 4.5:1 (3:1 for large text).</summary>
    public static Task<string[]> LowContrastAsync(ILocator card) => card.EvaluateAsync<string[]>("""
        card => {
          const parse = css => {
            const m = css.match(/rgba?\(([^)]+)\)/);
            if (!m) return null;
            const p = m[1].split(',').map(x => parseFloat(x));
            return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
          };
          const over = (top, bottom) => ({
            r: top.r * top.a + bottom.r * (1 - top.a),
            g: top.g * top.a + bottom.g * (1 - top.a),
            b: top.b * top.a + bottom.b * (1 - top.a),
            a: 1,
          });
          const background = element => {
            const layers = [];
            for (let e = element; e; e = e.parentElement) {
              const c = parse(getComputedStyle(e).backgroundColor);
              if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
            }
            return layers.reverse().reduce((below, layer) => over(layer, below), { r: 255, g: 255, b: 255, a: 1 });
          };
          const luminance = ({ r, g, b }) => {
            const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
            return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
          };
          const problems = [];
          for (const element of card.querySelectorAll('.ac-textRun, .ac-textBlock')) {
            if (!element.textContent.trim() || element.closest('.ac-actionSet')) continue;
            const style = getComputedStyle(element);
            const behind = background(element);
            const text = over(parse(style.color), behind);
            const [light, dark] = [luminance(text), luminance(behind)].sort((a, b) => b - a);
            const ratio = (light + 0.05) / (dark + 0.05);
            const size = parseFloat(style.fontSize);
            const large = size >= 24 || (parseInt(style.fontWeight, 10) >= 700 && size >= 18.66);
            const needed = large ? 3 : 4.5;
            if (ratio < needed) problems.push(`'${element.textContent.slice(0, 50)}' has ${ratio.toFixed(2)}:1, needs ${needed}:1`);
          }
          return problems;
        }
        """);

    /// <summary>Links inside the card's content; the buttons of its action set are not counted.</summary>
    public static Task<int> LinksInTextAsync(ILocator card) => card.EvaluateAsync<int>(
        "card => [...card.querySelectorAll('a')].filter(a => !a.closest('.ac-actionSet')).length");

    /// <summary>The most lines any occurrence of <paramref name="word"/> on the card is spread over (1 when it never breaks).</summary>
    public static Task<int> LinesOfAsync(ILocator card, string word) => card.EvaluateAsync<int>("""
        (card, word) => {
          let most = 0;
          const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (let at = node.textContent.indexOf(word); at >= 0; at = node.textContent.indexOf(word, at + 1)) {
              const range = document.createRange();
              range.setStart(node, at);
              range.setEnd(node, at + word.length);
              const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
              most = Math.max(most, tops.size);
            }
          }
          return most;
        }
        """, word);
}
