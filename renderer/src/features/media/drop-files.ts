/** The files in a drop or a paste (text being pasted has none: then it is just typing). */
export const filesFromTransfer = (transfer: DataTransfer | null): File[] => {
  if (transfer === null) {
    return [];
  }
  if (transfer.files.length > 0) {
    return [...transfer.files];
  }
  // Some sources (a copied image) offer the file only as an item.
  return [...transfer.items]
    .filter((item) => item.kind === 'file')
    .flatMap((item) => {
      const file = item.getAsFile();
      return file === null ? [] : [file];
    });
};
