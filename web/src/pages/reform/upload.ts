// Evidence and output files go to the shared file store (POST /api/files) first; records cite their ids.
import { files } from "../../api/files.ts";

async function toBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Stores a file for a unit and returns its id. */
export async function uploadFile(unitCode: string, file: File): Promise<string> {
  const stored = await files.upload({
    unitCode,
    name: file.name,
    contentType: file.type || undefined,
    dataBase64: await toBase64(file),
  });
  return stored.id;
}
