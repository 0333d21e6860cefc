// placeholder, replaced by the reader stage
export interface FormContext { grid: unknown }
