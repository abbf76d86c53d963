import {
  APPOINTMENT_FOLDERS,
  FOLDER_LABELS,
  INBOX_FOLDERS,
  type Folder,
} from '../../../src-shared/folders/folders';
import { useSidebar } from './sidebar-store';

export function FolderList() {
  return (
    <nav className="folders" aria-label="Folders">
      <FolderGroup title="Inbox" folders={INBOX_FOLDERS} />
      <FolderGroup title="Appointments" folders={APPOINTMENT_FOLDERS} />
    </nav>
  );
}

function FolderGroup({ title, folders }: { title: string; folders: readonly Folder[] }) {
  return (
    <section className="sidebar-section">
      <h3 className="sidebar-heading">{title}</h3>
      <ul className="folder-list">
        {folders.map((folder) => (
          <FolderButton key={folder} folder={folder} />
        ))}
      </ul>
    </section>
  );
}

function FolderButton({ folder }: { folder: Folder }) {
  const active = useSidebar((s) => s.folder === folder && !s.search);
  const count = useSidebar((s) => s.counts?.[folder] ?? null);
  const setFolder = useSidebar((s) => s.setFolder);
  return (
    <li>
      <button
        type="button"
        className={`folder folder-${folder}`}
        data-testid={`folder-${folder}`}
        data-active={active}
        aria-current={active ? 'page' : undefined}
        onClick={() => setFolder(folder)}
      >
        <span className="folder-name">{FOLDER_LABELS[folder]}</span>
        <span
          className="folder-count"
          data-testid={`folder-count-${folder}`}
          data-count={count ?? undefined}
        >
          {count === null ? '…' : count.toLocaleString()}
        </span>
      </button>
    </li>
  );
}
