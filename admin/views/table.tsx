/**
 * The panel's list table: scrolls sideways on its own on a narrow screen and stacks its cells
 * (class "stack", with each cell's data-label) on a phone.
 */
import type { Child, FC } from 'hono/jsx';

export const DataTable: FC<{ caption: Child; captionClass?: string; columns: string[]; children?: Child }> = ({
  caption,
  captionClass,
  columns,
  children,
}) => (
  <div class="table-wrap">
    <table class="stack">
      <caption class={captionClass}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((col) => (
            <th scope="col">{col}</th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  </div>
);
