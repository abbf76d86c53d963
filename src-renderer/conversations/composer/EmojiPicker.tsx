import { Popover } from '../../lib/Popover';
import { useMenu } from '../../lib/use-menu';
import { EMOJIS } from './emoji-list';

const ITEMS = EMOJIS.map((emoji) => ({ label: emoji.name }));

/** A small emoji menu: arrows move, a letter jumps by name, Enter inserts, Escape closes. */
export function EmojiPicker({
  disabled,
  onPick,
}: {
  disabled: boolean;
  onPick(char: string): void;
}) {
  const menu = useMenu({
    items: ITEMS,
    onChoose: (index) => {
      const emoji = EMOJIS[index];
      if (emoji) onPick(emoji.char);
    },
  });
  return (
    <>
      <button
        type="button"
        className="composer-tool"
        data-testid="composer-emoji"
        aria-label="Insert an emoji"
        title="Emoji"
        disabled={disabled}
        {...menu.triggerProps}
      >
        <span aria-hidden>☺</span>
      </button>
      {menu.open && (
        <Popover anchor={menu.triggerRef}>
          <ul
            className="menu emoji-menu"
            aria-label="Emoji"
            data-testid="emoji-menu"
            {...menu.menuProps}
          >
            {EMOJIS.map((emoji, index) => (
              <li
                key={emoji.name}
                role="menuitem"
                aria-label={emoji.name}
                title={emoji.name}
                className="menu-item emoji-item"
                data-active={index === menu.active}
                data-testid="emoji-option"
                {...menu.itemProps(index)}
              >
                {emoji.char}
              </li>
            ))}
          </ul>
        </Popover>
      )}
    </>
  );
}
