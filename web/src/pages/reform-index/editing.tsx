// The assessment being edited on an index page: which node in which mode, and its AssessModal (the card's own
// stored assessment); after a save the page reloads what it shows.
import { type ReactNode, useState } from "react";
import { AssessModal } from "./AssessModal.tsx";
import type { Edit } from "./columns.tsx";
import type { AssessMode } from "./rules.ts";
import type { Card, ScoredNode } from "./types.ts";

export function useAssessEditing(data: Card | undefined, onSaved: () => void): { edit: Edit; modal: ReactNode } {
  const [editing, setEditing] = useState<{ node: ScoredNode; mode: AssessMode }>();
  const modal =
    editing && data ? (
      <AssessModal
        unit={data.unit}
        year={data.year}
        node={editing.node}
        mode={editing.mode}
        assessment={data.assessments[editing.node.code]}
        onClose={(saved) => {
          setEditing(undefined);
          if (saved) onSaved();
        }}
      />
    ) : null;
  return { edit: (node, mode) => setEditing({ node, mode }), modal };
}
